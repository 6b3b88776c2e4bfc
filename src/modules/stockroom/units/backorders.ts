import type { LockedStock } from "../ledger/locks"
import { EntityManagerLike, pairKey, pairParams, pairsJson, PAIRS_RECORDSET, placeholders, uniquePairs } from "../ledger/sql"
import { freeForUnits, safetyStockSql } from "../lib/sellable"
import { MEDUSA } from "../medusa-tables"
import type { FilledBackorder, StockItemRef } from "../types"
import { moveUnitsInOrder, splitUnit } from "./rows"

export type BackorderFills = {
  /** backordered units the change filled */
  filled: FilledBackorder[]
  /** orders whose last backorder the change filled */
  orders_without_backorders: string[]
}

/**
 * Fills backorders wherever free physical stock (on hand − safety stock −
 * unshipped on_hand units) exists at the given (inventory item, location) pairs:
 * oldest `ordered_at` first, then id, splitting the last unit when only
 * part of it can be filled. No stock changes: the debt was booked when the
 * order was placed. Runs in the caller's transaction, under its locks on
 * the stock items.
 */
export async function fillBackorders(
  manager: EntityManagerLike,
  refs: StockItemRef[]
): Promise<BackorderFills> {
  const pairs = uniquePairs(refs)
  if (!pairs.length) {
    return { filled: [], orders_without_backorders: [] }
  }
  const queues = await manager.execute(
    `SELECT l.inventory_item_id, l.location_id, l.stocked_quantity,
            ${safetyStockSql("si")} AS safety_stock,
            COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0) AS on_hand_units
       FROM ${MEDUSA.inventory_level} l
       LEFT JOIN stock_item si
         ON si.inventory_item_id = l.inventory_item_id AND si.location_id = l.location_id
        AND si.deleted_at IS NULL
       JOIN inventory_unit u
         ON u.inventory_item_id = l.inventory_item_id AND u.location_id = l.location_id
        AND u.deleted_at IS NULL AND u.state IN ('on_hand', 'backordered')
       JOIN ${PAIRS_RECORDSET}
         ON p.inventory_item_id = l.inventory_item_id AND p.location_id = l.location_id
      WHERE l.deleted_at IS NULL
      GROUP BY l.inventory_item_id, l.location_id, l.stocked_quantity, si.safety_stock
     HAVING COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'backordered'), 0) > 0`,
    [pairsJson(pairs)]
  )
  const filled: FilledBackorder[] = []
  for (const queue of queues) {
    let free = freeForUnits({
      on_hand: Number(queue.stocked_quantity),
      safety_stock: Number(queue.safety_stock),
      on_hand_units: Number(queue.on_hand_units),
    })
    if (free <= 0) {
      continue
    }
    const waiting = await manager.execute(
      `SELECT id, order_id, line_item_id, quantity FROM inventory_unit
        WHERE inventory_item_id = ? AND location_id = ? AND state = 'backordered'
          AND deleted_at IS NULL
        ORDER BY ordered_at, id
          FOR UPDATE`,
      [queue.inventory_item_id, queue.location_id]
    )
    const whole: string[] = []
    for (const unit of waiting) {
      if (free <= 0) {
        break
      }
      const quantity = Number(unit.quantity)
      const take = Math.min(quantity, free)
      free -= take
      let unitId = unit.id
      if (take === quantity) {
        whole.push(unit.id)
      } else {
        unitId = await splitUnit(manager, unit.id, take, { state: "on_hand" })
      }
      filled.push({
        inventory_unit_id: unitId,
        order_id: unit.order_id,
        line_item_id: unit.line_item_id,
        inventory_item_id: queue.inventory_item_id,
        location_id: queue.location_id,
        quantity: take,
      })
    }
    if (whole.length) {
      await manager.execute(
        `UPDATE inventory_unit SET state = 'on_hand', updated_at = now()
          WHERE id IN (${placeholders(whole.length)})`,
        whole
      )
    }
  }
  if (!filled.length) {
    return { filled, orders_without_backorders: [] }
  }
  const orderIds = [...new Set(filled.map((unit) => unit.order_id))]
  const stillWaiting = await manager.execute(
    `SELECT DISTINCT order_id FROM inventory_unit
      WHERE order_id IN (${placeholders(orderIds.length)})
        AND state = 'backordered' AND deleted_at IS NULL`,
    orderIds
  )
  const waitingIds = new Set(stillWaiting.map((row) => row.order_id))
  return { filled, orders_without_backorders: orderIds.filter((id) => !waitingIds.has(id)) }
}

/**
 * Stockroom took physical stock away (an admin decrease, a transfer out)
 * below what on_hand units hold: the newest of those units become
 * backordered, so on_hand units never exceed on hand (invariant 4).
 * Changes Medusa makes itself are left alone here: its fulfillment moves
 * stock before Stockroom ships the units, and demoting in between would
 * refuse a fulfillment that was allowed.
 */
export async function backorderUnitsBeyondStock(
  manager: EntityManagerLike,
  refs: StockItemRef[]
): Promise<void> {
  const pairs = uniquePairs(refs)
  if (!pairs.length) {
    return
  }
  const excessRows = await manager.execute(
    `SELECT l.inventory_item_id, l.location_id,
            SUM(u.quantity) - GREATEST(l.stocked_quantity, 0) AS excess
       FROM ${MEDUSA.inventory_level} l
       JOIN inventory_unit u
         ON u.inventory_item_id = l.inventory_item_id AND u.location_id = l.location_id
        AND u.deleted_at IS NULL AND u.state = 'on_hand'
       JOIN ${PAIRS_RECORDSET}
         ON p.inventory_item_id = l.inventory_item_id AND p.location_id = l.location_id
      WHERE l.deleted_at IS NULL
      GROUP BY l.inventory_item_id, l.location_id, l.stocked_quantity
     HAVING SUM(u.quantity) > GREATEST(l.stocked_quantity, 0)`,
    [pairsJson(pairs)]
  )
  for (const row of excessRows) {
    const newestFirst = await manager.execute(
      `SELECT id, quantity FROM inventory_unit
        WHERE inventory_item_id = ? AND location_id = ? AND state = 'on_hand'
          AND deleted_at IS NULL
        ORDER BY ordered_at DESC, id DESC
          FOR UPDATE`,
      [row.inventory_item_id, row.location_id]
    )
    await moveUnitsInOrder(manager, newestFirst, Number(row.excess), { state: "backordered" })
  }
}

/** Free physical stock per locked pair: on hand − safety stock − unshipped on_hand units. */
export async function freeStock(
  manager: EntityManagerLike,
  locked: LockedStock
): Promise<Map<string, number>> {
  const onHandUnits = new Map<string, number>()
  if (locked.items.length) {
    const rows = await manager.execute(
      `SELECT inventory_item_id, location_id, SUM(quantity) AS quantity FROM inventory_unit
        WHERE deleted_at IS NULL AND state = 'on_hand'
          AND (inventory_item_id, location_id) IN (${placeholders(locked.items.length, "(?, ?)")})
        GROUP BY inventory_item_id, location_id`,
      pairParams(locked.items)
    )
    for (const row of rows) {
      onHandUnits.set(pairKey(row), Number(row.quantity))
    }
  }
  const free = new Map<string, number>()
  for (const item of locked.items) {
    const level = locked.levels.get(item.id)!
    free.set(
      pairKey(item),
      freeForUnits({
        on_hand: level.stocked_quantity,
        safety_stock: item.safety_stock,
        on_hand_units: onHandUnits.get(pairKey(item)) ?? 0,
      })
    )
  }
  return free
}
