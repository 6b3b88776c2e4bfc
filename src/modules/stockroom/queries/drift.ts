import type { ActionContext } from "../context"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
import type { StockItemRef } from "../types"

// A level is out of step with its stock item when the ledger's balances no
// longer equal it: Medusa changed it and the ledger has not recorded that yet.
const LEVEL_DIFFERS = `(l.stocked_quantity <> si.ledger_on_hand
       OR l.stocked_quantity - l.reserved_quantity <> si.ledger_count_on_hand)`

/**
 * Stock items whose Medusa level no longer matches their ledger balances:
 * what the periodic sweep reconciles.
 */
export async function listDriftedStockItemIds({ manager }: ActionContext, limit: number): Promise<string[]> {
  const rows = await manager.execute(
    `SELECT si.id
       FROM stock_item si
       JOIN ${MEDUSA.inventory_level} l
         ON l.inventory_item_id = si.inventory_item_id
        AND l.location_id = si.location_id AND l.deleted_at IS NULL
      WHERE si.deleted_at IS NULL AND ${LEVEL_DIFFERS}
      ORDER BY si.id
      LIMIT ?`,
    [limit]
  )
  return rows.map((row) => row.id as string)
}

/**
 * Of the given levels, those the ledger does not explain yet: no stock
 * item, or balances that differ. One query, so a burst of level events
 * (a new location propagating to 10,000 items) costs little when
 * everything is already in step.
 */
export async function listLevelsOutOfStep({ manager }: ActionContext, levelIds: string[]): Promise<StockItemRef[]> {
  return await manager.execute(
    `SELECT l.inventory_item_id, l.location_id
       FROM ${MEDUSA.inventory_level} l
       LEFT JOIN stock_item si
         ON si.inventory_item_id = l.inventory_item_id
        AND si.location_id = l.location_id AND si.deleted_at IS NULL
      WHERE l.deleted_at IS NULL AND l.id IN (${placeholders(levelIds.length)})
        AND (si.id IS NULL OR ${LEVEL_DIFFERS})`,
    levelIds
  )
}

/**
 * Live inventory levels that have no stock item yet (a store that had
 * stock before Stockroom, or a level created while events were missed).
 */
export async function listUntrackedLevels({ manager }: ActionContext, limit: number): Promise<StockItemRef[]> {
  return await manager.execute(
    `SELECT l.inventory_item_id, l.location_id
       FROM ${MEDUSA.inventory_level} l
      WHERE l.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM stock_item si
                         WHERE si.inventory_item_id = l.inventory_item_id
                           AND si.location_id = l.location_id
                           AND si.deleted_at IS NULL)
      ORDER BY l.inventory_item_id, l.location_id
      LIMIT ?`,
    [limit]
  )
}

/**
 * How long a reservation on an order line without inventory units counts
 * as a checkout still running. Medusa reserves, then authorizes payment,
 * and only then runs the hook that places the units; a reservation older
 * than this never got its hook (a draft order, an order from before
 * Stockroom) and is reconciled like any other change.
 */
export const CHECKOUT_IN_PROGRESS_MINUTES = 10

/**
 * Of the given stock items, those with a checkout in progress: a fresh
 * reservation on an order line Stockroom has not placed yet. Reconciling
 * them now would ledger that reservation as an anonymous outside change
 * moments before the order books it as `allocated`.
 */
export async function listStockItemsMidCheckout(
  { manager }: ActionContext,
  stockItemIds: string[]
): Promise<string[]> {
  if (!stockItemIds.length) {
    return []
  }
  const rows = await manager.execute(
    `SELECT DISTINCT si.id
       FROM stock_item si
       JOIN ${MEDUSA.reservation_item} r
         ON r.inventory_item_id = si.inventory_item_id
        AND r.location_id = si.location_id
        AND r.deleted_at IS NULL
        AND r.line_item_id IS NOT NULL
        AND r.created_at > now() - make_interval(mins => ?)
      WHERE si.id IN (${placeholders(stockItemIds.length)})
        AND NOT EXISTS (SELECT 1 FROM inventory_unit u
                         WHERE u.line_item_id = r.line_item_id
                           AND u.inventory_item_id = r.inventory_item_id
                           AND u.deleted_at IS NULL)`,
    [CHECKOUT_IN_PROGRESS_MINUTES, ...stockItemIds]
  )
  return rows.map((row) => row.id as string)
}
