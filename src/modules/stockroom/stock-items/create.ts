import { generateEntityId } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
import type { StockItemRef } from "../types"

/**
 * Creates the missing stock items at the given places, `backorderable` from
 * the location's setting (else the option), in batches; only where a live
 * inventory level backs them, since a stock item's counts are that level's.
 * Returns the ids it created; concurrent callers create each item once.
 */
export async function insertStockItems(
  { manager, options }: ActionContext,
  refs: StockItemRef[]
): Promise<string[]> {
  const created: string[] = []
  for (let start = 0; start < refs.length; start += 1000) {
    const batch = refs.slice(start, start + 1000)
    const params: unknown[] = []
    for (const ref of batch) {
      params.push(generateEntityId(undefined, "sitem"), ref.inventory_item_id, ref.location_id)
    }
    const rows = await manager.execute(
      `INSERT INTO stock_item (id, inventory_item_id, location_id, backorderable)
       SELECT v.id, v.inventory_item_id, v.location_id,
              COALESCE(s.backorderable_default, ?)
         FROM (VALUES ${placeholders(batch.length, "(?, ?, ?)")})
              AS v(id, inventory_item_id, location_id)
         LEFT JOIN stock_location_setting s
                ON s.stock_location_id = v.location_id AND s.deleted_at IS NULL
        WHERE EXISTS (SELECT 1 FROM ${MEDUSA.inventory_level} l
                       WHERE l.inventory_item_id = v.inventory_item_id
                         AND l.location_id = v.location_id
                         AND l.deleted_at IS NULL)
       ON CONFLICT (inventory_item_id, location_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [options.backorderable_default, ...params]
    )
    created.push(...rows.map((row) => row.id as string))
  }
  return created
}
