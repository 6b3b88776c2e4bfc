import { generateEntityId } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { placeholders } from "../ledger/sql"
import type { RaisedStockAlert, StockAlertKind } from "../types"

type SignalAlertKind = Extract<StockAlertKind, "low_stock" | "out_of_stock">

/**
 * The count on hand at or below which an alert of this kind holds, as SQL
 * over a stock item `si` (threshold: the item's own, else the store's).
 */
const LINE: Record<SignalAlertKind, string> = {
  out_of_stock: "0",
  low_stock: "COALESCE(si.low_stock_threshold, ?::int)",
}

/**
 * Raises low-stock or out-of-stock alerts for stock items that crossed the
 * line, once per crossing: the first alert of an item and kind inserts its
 * row; a later one only replaces it when a movement since the last alert
 * took the item back above the line (re-armed). Items no longer at or below
 * the line are skipped. Two processes or a redelivered signal race on the
 * row; only one of them gets it back.
 */
export async function raiseSignalAlerts(
  { manager, options }: ActionContext,
  kind: SignalAlertKind,
  stockItemIds: string[]
): Promise<RaisedStockAlert[]> {
  const ids = [...new Set(stockItemIds)]
  if (!ids.length) {
    return []
  }
  const lineParams = kind === "low_stock" ? [options.low_stock_threshold] : []
  const candidates = await manager.execute(
    `SELECT si.id, si.inventory_item_id, si.location_id, si.last_sequence,
            si.ledger_count_on_hand, ${LINE[kind]} AS line
       FROM stock_item si
      WHERE si.deleted_at IS NULL AND si.id IN (${placeholders(ids.length)})`,
    [...lineParams, ...ids]
  )
  const raised: RaisedStockAlert[] = []
  for (const item of candidates) {
    if (item.line === null || Number(item.ledger_count_on_hand) > Number(item.line)) {
      continue
    }
    const sequence = Number(item.last_sequence)
    let rows = await manager.execute(
      `INSERT INTO stock_alert (id, stock_item_id, kind, sequence, raised_at)
       VALUES (?, ?, ?, ?, now())
       ON CONFLICT (stock_item_id, kind) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [generateEntityId(undefined, "salrt"), item.id, kind, sequence]
    )
    if (!rows.length) {
      // Raised before: raise again only if a movement since took the item
      // back above the line. A concurrent raiser waits for this row and then
      // finds no such movement after the sequence stored here.
      rows = await manager.execute(
        `UPDATE stock_alert a SET sequence = ?, raised_at = now(), updated_at = now()
          WHERE a.stock_item_id = ? AND a.kind = ? AND a.deleted_at IS NULL
            AND EXISTS (SELECT 1 FROM stock_movement m
                         WHERE m.stock_item_id = a.stock_item_id
                           AND m.sequence > a.sequence AND m.sequence <= ?
                           AND m.count_on_hand_after > ?)
          RETURNING a.id`,
        [sequence, item.id, kind, sequence, Number(item.line)]
      )
    }
    if (rows.length) {
      raised.push({
        stock_item_id: item.id,
        inventory_item_id: item.inventory_item_id,
        location_id: item.location_id,
        kind,
        count_on_hand: Number(item.ledger_count_on_hand),
        threshold: kind === "low_stock" ? Number(item.line) : null,
      })
    }
  }
  return raised
}

/**
 * Backorders waiting longer than `backorder_alert_days`: raises one alert
 * per stock item that has some (once, until none is that old any more,
 * which re-arms it).
 */
export async function raiseBackorderAgeAlerts({
  manager,
  options,
}: ActionContext): Promise<RaisedStockAlert[]> {
  const stale = await manager.execute(
    `SELECT si.id, si.inventory_item_id, si.location_id, si.ledger_count_on_hand,
            MIN(u.ordered_at) AS oldest_ordered_at
       FROM inventory_unit u
       JOIN stock_item si
         ON si.inventory_item_id = u.inventory_item_id AND si.location_id = u.location_id
        AND si.deleted_at IS NULL
      WHERE u.deleted_at IS NULL AND u.state = 'backordered'
        AND u.ordered_at < now() - make_interval(days => ?)
      GROUP BY si.id, si.inventory_item_id, si.location_id, si.ledger_count_on_hand`,
    [options.backorder_alert_days]
  )
  const staleIds = stale.map((row) => row.id)
  await manager.execute(
    `DELETE FROM stock_alert WHERE kind = 'backorder_age'
       ${staleIds.length ? `AND stock_item_id NOT IN (${placeholders(staleIds.length)})` : ""}`,
    staleIds
  )
  const raised: RaisedStockAlert[] = []
  for (const item of stale) {
    const rows = await manager.execute(
      `INSERT INTO stock_alert (id, stock_item_id, kind, sequence, raised_at)
       VALUES (?, ?, 'backorder_age', 0, now())
       ON CONFLICT (stock_item_id, kind) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [generateEntityId(undefined, "salrt"), item.id]
    )
    if (rows.length) {
      raised.push({
        stock_item_id: item.id,
        inventory_item_id: item.inventory_item_id,
        location_id: item.location_id,
        kind: "backorder_age",
        count_on_hand: Number(item.ledger_count_on_hand),
        threshold: null,
        oldest_ordered_at: item.oldest_ordered_at,
      })
    }
  }
  return raised
}
