import type { ActionContext } from "../context"
import * as ledger from "./record"

/** A movement to take back: what it booked on which stock item. */
export type MovementToReverse = {
  id: string
  stock_item_id: string
  quantity: number | string
  stocked_change: number | string
}

/**
 * Takes back movements whose workflow failed after writing them: one
 * `adjusted` movement each with the opposite quantities (reason
 * `rollback`), since the ledger is never edited.
 */
export async function reverseMovements(context: ActionContext, movements: MovementToReverse[], why: string) {
  if (!movements.length) {
    return
  }
  await ledger.applyStockChanges(
    context,
    movements.map((movement) => ({
      stock_item_id: movement.stock_item_id,
      kind: "adjusted" as const,
      quantity: -Number(movement.quantity),
      stocked_change: -Number(movement.stocked_change),
      originator_type: "system" as const,
      reason: "rollback",
      note: `Reverses movement ${movement.id}: ${why}`,
      metadata: { compensates: movement.id },
    }))
  )
}

/** The movements with these ids, to reverse. */
export async function movementsById(context: ActionContext, ids: string[]): Promise<MovementToReverse[]> {
  if (!ids.length) {
    return []
  }
  return await context.manager.execute(
    `SELECT id, stock_item_id, quantity, stocked_change FROM stock_movement
      WHERE id IN (${ids.map(() => "?").join(", ")}) ORDER BY stock_item_id, sequence`,
    ids
  )
}
