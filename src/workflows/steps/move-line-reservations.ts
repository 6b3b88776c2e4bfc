import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { quantityOf } from "../../lib/medusa-values"
import type { LineReallocationPlan } from "../../modules/stockroom/types"
import { moveReservations, type MovedReservation } from "./place-reservations-by-priority"

export const moveLineReservationsStepId = "move-line-reservations"

/**
 * Moves every Medusa reservation of the line (each kit component's) to the
 * plan's location, re-creating it there (see moveReservations for why).
 * A reservation for an item the move backorders allows backorder, or
 * Medusa would refuse it. Compensation moves them back as they were.
 */
export const moveLineReservationsStep = createStep(
  moveLineReservationsStepId,
  async (plan: LineReallocationPlan, { container }) => {
    const { data: reservations } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "reservation",
      fields: ["id", "inventory_item_id", "location_id", "quantity", "raw_quantity", "allow_backorder"],
      filters: { line_item_id: plan.line_item_id },
    })
    const backordering = new Set(
      plan.items.filter((item) => item.backordered > 0).map((item) => item.inventory_item_id)
    )
    const moves: (MovedReservation & { was_backorder_allowed: boolean })[] = (reservations as any[])
      .filter((reservation) => reservation.location_id !== plan.location_id)
      .map((reservation) => ({
        id: reservation.id,
        inventory_item_id: reservation.inventory_item_id,
        quantity: quantityOf(reservation.quantity ?? reservation.raw_quantity),
        from: reservation.location_id,
        to: plan.location_id,
        allow_backorder: !!reservation.allow_backorder || backordering.has(reservation.inventory_item_id),
        was_backorder_allowed: !!reservation.allow_backorder,
      }))
    if (!moves.length) {
      return new StepResponse([] as typeof moves, [] as typeof moves)
    }
    const moved = (await moveReservations(container, moves)).map((move, index) => ({
      ...move,
      was_backorder_allowed: moves[index].was_backorder_allowed,
    }))
    return new StepResponse(moved, moved)
  },
  async (moved, { container }) => {
    if (!moved?.length) {
      return
    }
    await moveReservations(
      container,
      moved.map((move) => ({
        ...move,
        from: move.to,
        to: move.from,
        allow_backorder: move.was_backorder_allowed,
      }))
    )
  }
)
