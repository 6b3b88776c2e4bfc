import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { quantityOf } from "../../lib/medusa-values"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const steerBackorderReservationsStepId = "steer-backorder-reservations"

type Moved = { id: string; from: string; to: string }

/**
 * Medusa reserves a whole line at one location: the first with enough
 * stock, else simply the first with a level — which may be a location that
 * does not backorder. At checkout, a reservation that would backorder at a
 * non-backorderable location moves to the backorderable location of the
 * order's sales channel with the most stock, so backorders wait only where
 * they are allowed. Compensation moves them back.
 */
export const steerBackorderReservationsStep = createStep(
  steerBackorderReservationsStepId,
  async (input: { order_id: string; within_checkout?: boolean }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const options = stockroom.getOptions()
    if (!input.within_checkout || !options.allow_backorders || !options.track_inventory_levels) {
      return new StepResponse([] as Moved[], [] as Moved[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "sales_channel_id", "items.id"],
      filters: { id: input.order_id },
    })
    const lineIds = ((order?.items ?? []) as any[]).filter(Boolean).map((item) => item.id)
    if (!order?.sales_channel_id || !lineIds.length) {
      return new StepResponse([] as Moved[], [] as Moved[])
    }
    const [{ data: reservations }, { data: channels }] = await Promise.all([
      query.graph({
        entity: "reservation",
        fields: ["id", "inventory_item_id", "location_id", "quantity", "raw_quantity"],
        filters: { line_item_id: lineIds },
      }),
      query.graph({
        entity: "sales_channel",
        fields: ["id", "stock_locations.id"],
        filters: { id: order.sales_channel_id },
      }),
    ])
    const channelLocations = ((channels[0] as any)?.stock_locations ?? [])
      .filter(Boolean)
      .map((location: any) => location.id)
    const stock = await stockroom.listStockAtLocations(
      [...new Set((reservations as any[]).map((r) => r.inventory_item_id))],
      channelLocations
    )
    const at = (itemId: string, locationId: string) =>
      stock.find((row) => row.inventory_item_id === itemId && row.location_id === locationId)

    const moved: Moved[] = []
    const inventory = container.resolve(Modules.INVENTORY)
    for (const reservation of reservations as any[]) {
      const here = at(reservation.inventory_item_id, reservation.location_id)
      const quantity = quantityOf(reservation.quantity ?? reservation.raw_quantity)
      // `available` already counts this reservation: below zero means a backorder here.
      if (!here || here.backorderable || here.available >= 0) {
        continue
      }
      const target = stock
        .filter(
          (row) =>
            row.inventory_item_id === reservation.inventory_item_id &&
            row.location_id !== reservation.location_id &&
            row.backorderable
        )
        .sort((a, b) => b.available - a.available)[0]
      if (!target) {
        continue
      }
      await inventory.updateReservationItems([{ id: reservation.id, location_id: target.location_id }])
      here.available += quantity
      target.available -= quantity
      moved.push({ id: reservation.id, from: reservation.location_id, to: target.location_id })
    }
    return new StepResponse(moved, moved)
  },
  async (moved, { container }) => {
    if (!moved?.length) {
      return
    }
    await container
      .resolve(Modules.INVENTORY)
      .updateReservationItems(moved.map((move) => ({ id: move.id, location_id: move.from })))
  }
)
