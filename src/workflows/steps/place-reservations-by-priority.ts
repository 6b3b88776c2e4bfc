import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { quantityOf } from "../../lib/medusa-values"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const placeReservationsByPriorityStepId = "place-reservations-by-priority"

type Moved = { id: string; from: string; to: string }

/**
 * Medusa reserves a whole line at the first location with enough stock,
 * else the first with a level, in no order the merchant chose. At checkout
 * each line moves, whole (every kit component with it), to the location
 * Stockroom places it at: the first by allocation priority whose sellable
 * stock (less other carts' live holds) covers it, else the first
 * backorderable one. A line no location can take stays where Medusa put
 * it; unit placement then refuses it when backorders are off. Compensation
 * moves the reservations back.
 */
export const placeReservationsByPriorityStep = createStep(
  placeReservationsByPriorityStepId,
  async (input: { order_id: string; cart_id?: string | null; within_checkout?: boolean }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    if (!input.within_checkout || !stockroom.getOptions().track_inventory_levels) {
      return new StepResponse([] as Moved[], [] as Moved[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "sales_channel_id", "items.id", "items.variant_id", "items.quantity", "items.raw_quantity", "items.detail.quantity"],
      filters: { id: input.order_id },
    })
    const items = ((order?.items ?? []) as any[]).filter((item) => item?.variant_id)
    if (!order?.sales_channel_id || !items.length) {
      return new StepResponse([] as Moved[], [] as Moved[])
    }
    const { data: reservations } = await query.graph({
      entity: "reservation",
      fields: ["id", "line_item_id", "inventory_item_id", "location_id", "quantity", "raw_quantity"],
      filters: { line_item_id: items.map((item) => item.id) },
    })
    const { lines } = await stockroom.checkCartStock(
      order.sales_channel_id,
      items.map((item) => ({
        line_item_id: item.id,
        variant_id: item.variant_id,
        quantity: quantityOf(item.quantity ?? item.detail?.quantity ?? item.raw_quantity),
      })),
      input.cart_id ?? null,
      (reservations as any[]).map((reservation) => ({
        inventory_item_id: reservation.inventory_item_id,
        location_id: reservation.location_id,
        quantity: quantityOf(reservation.quantity ?? reservation.raw_quantity),
      }))
    )
    const target = new Map(lines.map((line) => [line.line_item_id, line.location_id]))
    const moved: Moved[] = (reservations as any[])
      .filter((reservation) => {
        const to = target.get(reservation.line_item_id)
        return !!to && to !== reservation.location_id
      })
      .map((reservation) => ({
        id: reservation.id,
        from: reservation.location_id,
        to: target.get(reservation.line_item_id)!,
      }))
    if (moved.length) {
      await container
        .resolve(Modules.INVENTORY)
        .updateReservationItems(moved.map((move) => ({ id: move.id, location_id: move.to })))
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
