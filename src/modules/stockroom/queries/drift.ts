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
