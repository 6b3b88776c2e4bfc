import { MedusaError } from "@medusajs/framework/utils"
import { LockedLevel, LockedStockItem } from "../lib/ledger"
import { MEDUSA } from "../medusa-tables"
import type { StockItemRef } from "../types"
import { EntityManagerLike, pairKey, pairParams, pairsJson, PAIRS_RECORDSET, placeholders, uniquePairs } from "./sql"

/** Stock items locked for the transaction, each with its Medusa level (locked too). */
export type LockedStock = {
  items: LockedStockItem[]
  /** by stock item id */
  levels: Map<string, LockedLevel>
}

export const NOTHING_LOCKED = (): LockedStock => ({ items: [], levels: new Map() })

/**
 * Locks the stock items and then their levels, each in id order, so two
 * transactions touching the same items never wait on each other in a circle.
 * An unknown id or a stock item without a live level is NOT_FOUND.
 */
export async function lockStockItems(
  manager: EntityManagerLike,
  stockItemIds: string[]
): Promise<LockedStock> {
  const ids = [...new Set(stockItemIds)].sort()
  const rows = await manager.execute(
    `SELECT id, inventory_item_id, location_id, backorderable, low_stock_threshold, safety_stock,
            last_sequence, ledger_on_hand, ledger_count_on_hand
       FROM stock_item
      WHERE deleted_at IS NULL AND id IN (${placeholders(ids.length)})
      ORDER BY id
        FOR UPDATE`,
    ids
  )
  const items: LockedStockItem[] = rows.map((row) => ({
    ...row,
    low_stock_threshold: row.low_stock_threshold === null ? null : Number(row.low_stock_threshold),
    safety_stock: Number(row.safety_stock ?? 0),
    last_sequence: Number(row.last_sequence),
    ledger_on_hand: Number(row.ledger_on_hand),
    ledger_count_on_hand: Number(row.ledger_count_on_hand),
  }))
  const found = new Set(items.map((item) => item.id))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Stock item${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not found`
    )
  }

  const levelRows = await manager.execute(
    `SELECT l.id, l.inventory_item_id, l.location_id, l.stocked_quantity, l.reserved_quantity
       FROM ${MEDUSA.inventory_level} l
       JOIN ${PAIRS_RECORDSET}
         ON p.inventory_item_id = l.inventory_item_id AND p.location_id = l.location_id
      WHERE l.deleted_at IS NULL
      ORDER BY l.id
        FOR UPDATE OF l`,
    [pairsJson(items)]
  )
  const levelByPair = new Map<string, LockedLevel>(
    levelRows.map((row) => [
      pairKey(row),
      {
        ...row,
        stocked_quantity: Number(row.stocked_quantity),
        reserved_quantity: Number(row.reserved_quantity),
      },
    ])
  )
  const levels = new Map<string, LockedLevel>()
  for (const item of items) {
    const level = levelByPair.get(pairKey(item))
    if (!level) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Inventory item ${item.inventory_item_id} is not stocked at location ${item.location_id} (no inventory level)`
      )
    }
    levels.set(item.id, level)
  }
  return { items, levels }
}

/**
 * Locks the stock items at the given pairs, as lockStockItems does; pairs
 * without a stock item are skipped, and none at all is fine.
 */
export async function lockStockItemsAt(
  manager: EntityManagerLike,
  pairs: StockItemRef[]
): Promise<LockedStock> {
  const ids = Object.values(await stockItemIdsAt(manager, uniquePairs(pairs)))
  return ids.length ? await lockStockItems(manager, ids) : NOTHING_LOCKED()
}

/** The ids of the stock items at the given pairs, keyed `inventory_item_id|location_id`. */
export async function stockItemIdsAt(
  manager: EntityManagerLike,
  pairs: StockItemRef[]
): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  for (let start = 0; start < pairs.length; start += 1000) {
    const batch = pairs.slice(start, start + 1000)
    const rows = await manager.execute(
      `SELECT id, inventory_item_id, location_id FROM stock_item
        WHERE deleted_at IS NULL
          AND (inventory_item_id, location_id) IN (${placeholders(batch.length, "(?, ?)")})`,
      pairParams(batch)
    )
    for (const row of rows) {
      found[pairKey(row)] = row.id
    }
  }
  return found
}

/** Serialises all unit work on one order (redelivered and racing events). */
export async function lockOrderUnits(manager: EntityManagerLike, orderId: string): Promise<void> {
  await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [
    `stockroom:order-units:${orderId}`,
  ])
}
