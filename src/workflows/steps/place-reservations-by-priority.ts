import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { quantityOf } from "../../lib/medusa-values"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const placeReservationsByPriorityStepId = "place-reservations-by-priority"

export type MovedReservation = {
  id: string
  inventory_item_id: string
  quantity: number
  from: string
  to: string
  /** the re-created reservation's allow_backorder; the old one's when left out */
  allow_backorder?: boolean
}
type Moved = MovedReservation

/**
 * Moves reservations to another location through Medusa's own API. Medusa
 * 2.21.2's updateReservationItems raises reserved at the new location but
 * never lowers it at the old one (it adjusts only the target's level), so a
 * moved reservation is deleted and created again at the target: both levels
 * stay right. Returns the moves with the new reservations' ids.
 */
export async function moveReservations(container: any, moves: Moved[]): Promise<Moved[]> {
  const inventory = container.resolve(Modules.INVENTORY)
  const existing = await inventory.listReservationItems({ id: moves.map((move) => move.id) })
  const byId = new Map<string, any>(existing.map((reservation: any) => [reservation.id, reservation]))
  await inventory.deleteReservationItems(moves.map((move) => move.id))
  const created = await inventory.createReservationItems(
    moves.map((move) => {
      const old = byId.get(move.id)
      return {
        line_item_id: old.line_item_id,
        inventory_item_id: old.inventory_item_id,
        location_id: move.to,
        quantity: move.quantity,
        allow_backorder: move.allow_backorder ?? old.allow_backorder,
        description: old.description,
        external_id: old.external_id,
        metadata: old.metadata,
      }
    })
  )
  return moves.map((move, index) => ({ ...move, id: created[index].id }))
}

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
        inventory_item_id: reservation.inventory_item_id,
        quantity: quantityOf(reservation.quantity ?? reservation.raw_quantity),
        from: reservation.location_id,
        to: target.get(reservation.line_item_id)!,
      }))
    const done = moved.length ? await moveReservations(container, moved) : []
    return new StepResponse(done, done)
  },
  async (moved, { container }) => {
    if (!moved?.length) {
      return
    }
    await moveReservations(
      container,
      moved.map((move) => ({ ...move, from: move.to, to: move.from }))
    )
  }
)
