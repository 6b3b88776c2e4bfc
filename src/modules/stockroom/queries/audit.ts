import type { ActionContext } from "../context"
import { safetyStockSql } from "../lib/sellable"
import { MEDUSA } from "../medusa-tables"
import type { AuditProblem } from "../types"

/**
 * Checks invariants 1–5 for every stock item: the ledger sums equal
 * Medusa's level, each movement's balances are the running sums in
 * sequence order, no movement was edited or removed, on_hand units fit the
 * stock and no backorder waits beside free stock (on hand − safety
 * stock), and every order line's units add up to it. Set-based: a handful
 * of queries, whatever the size, each one pass over an index. The balance
 * chain is one window pass over IDX_stock_movement_chain (each stock item's
 * movements in sequence order, covering every column it reads: no sort, no
 * table reads), and edited or removed movements are read from
 * IDX_stock_movement_edited, which holds only those (see
 * Migration20261128100500).
 */
export async function auditLedger(
  { manager }: ActionContext
): Promise<{ ok: boolean; checked: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = []

  const sums = await manager.execute(
    `SELECT si.id, si.inventory_item_id, si.location_id, si.last_sequence,
            l.stocked_quantity::int AS stocked, l.reserved_quantity::int AS reserved,
            COALESCE(m.sum_stocked, 0)::int AS sum_stocked,
            COALESCE(m.sum_quantity, 0)::int AS sum_quantity,
            COALESCE(m.n, 0)::int AS n, COALESCE(m.max_sequence, 0)::int AS max_sequence,
            COALESCE(e.edited, 0)::int AS edited
       FROM stock_item si
       LEFT JOIN ${MEDUSA.inventory_level} l
              ON l.inventory_item_id = si.inventory_item_id
             AND l.location_id = si.location_id AND l.deleted_at IS NULL
       LEFT JOIN (SELECT stock_item_id, sum(stocked_change) AS sum_stocked,
                         sum(quantity) AS sum_quantity, count(*) AS n,
                         max(sequence) AS max_sequence
                    FROM stock_movement GROUP BY stock_item_id) m
              ON m.stock_item_id = si.id
       LEFT JOIN (SELECT stock_item_id, count(*) AS edited
                    FROM stock_movement
                   WHERE deleted_at IS NOT NULL OR updated_at <> created_at
                   GROUP BY stock_item_id) e
              ON e.stock_item_id = si.id
      WHERE si.deleted_at IS NULL`
  )
  for (const row of sums) {
    const ref = {
      stock_item_id: row.id,
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
    }
    if (row.stocked === null) {
      continue
    }
    if (row.sum_stocked !== row.stocked) {
      problems.push({
        ...ref,
        invariant: 1,
        message: `Σ stocked_change is ${row.sum_stocked} but Medusa's stocked_quantity is ${row.stocked}`,
        expected: row.stocked,
        actual: row.sum_stocked,
      })
    }
    if (row.sum_quantity !== row.stocked - row.reserved) {
      problems.push({
        ...ref,
        invariant: 1,
        message: `Σ quantity is ${row.sum_quantity} but stocked − reserved is ${row.stocked - row.reserved}`,
        expected: row.stocked - row.reserved,
        actual: row.sum_quantity,
      })
    }
    if (row.n !== row.max_sequence || row.max_sequence !== Number(row.last_sequence)) {
      problems.push({
        ...ref,
        invariant: 3,
        message: `${row.n} movements but sequences run to ${row.max_sequence} (stock item says ${row.last_sequence}): a movement is missing`,
        expected: Number(row.last_sequence),
        actual: row.n,
      })
    }
    if (row.edited > 0) {
      problems.push({
        ...ref,
        invariant: 3,
        message: `${row.edited} movement(s) were edited or deleted after being written`,
        expected: 0,
        actual: row.edited,
      })
    }
  }

  const chainBreaks = await manager.execute(
    `SELECT t.id, t.stock_item_id, mv.inventory_item_id, mv.location_id, t.sequence,
            t.stocked_after, t.count_on_hand_after, t.running_stocked, t.running_quantity
       FROM (SELECT id, stock_item_id, sequence, stocked_after, count_on_hand_after,
                    sum(stocked_change) OVER w AS running_stocked,
                    sum(quantity) OVER w AS running_quantity
               FROM stock_movement
             WINDOW w AS (PARTITION BY stock_item_id ORDER BY sequence
                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) t
       JOIN stock_movement mv ON mv.id = t.id
      WHERE t.stocked_after <> t.running_stocked OR t.count_on_hand_after <> t.running_quantity
      ORDER BY t.stock_item_id, t.sequence
      LIMIT 1000`
  )
  for (const row of chainBreaks) {
    problems.push({
      stock_item_id: row.stock_item_id,
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      invariant: 2,
      message: `Movement ${row.id} (sequence ${row.sequence}) says stocked_after ${row.stocked_after} / count_on_hand_after ${row.count_on_hand_after}, running sums are ${row.running_stocked} / ${row.running_quantity}`,
    })
  }
  const unitBreaches = await manager.execute(
    `SELECT l.inventory_item_id, l.location_id, si.id AS stock_item_id,
            l.stocked_quantity::int AS stocked,
            ${safetyStockSql("si")}::int AS safety_stock,
            COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0)::int AS on_hand_units,
            COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'backordered'), 0)::int AS backordered_units
       FROM inventory_unit u
       JOIN ${MEDUSA.inventory_level} l
         ON l.inventory_item_id = u.inventory_item_id AND l.location_id = u.location_id
        AND l.deleted_at IS NULL
       LEFT JOIN stock_item si
         ON si.inventory_item_id = u.inventory_item_id AND si.location_id = u.location_id
        AND si.deleted_at IS NULL
      WHERE u.deleted_at IS NULL AND u.state IN ('on_hand', 'backordered')
      GROUP BY l.inventory_item_id, l.location_id, si.id, si.safety_stock, l.stocked_quantity
     HAVING COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0) > GREATEST(l.stocked_quantity, 0)
         OR (COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'backordered'), 0) > 0
             AND l.stocked_quantity - ${safetyStockSql("si")}
                 > COALESCE(SUM(u.quantity) FILTER (WHERE u.state = 'on_hand'), 0))
      LIMIT 1000`
  )
  for (const row of unitBreaches) {
    // Backorders fill up to on hand − safety stock, never into the safety stock.
    const fillable = row.stocked - row.safety_stock
    const waiting = row.backordered_units > 0 && fillable > row.on_hand_units
    problems.push({
      stock_item_id: row.stock_item_id,
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      invariant: 4,
      message: waiting
        ? `${row.backordered_units} unit(s) wait backordered while ${fillable - row.on_hand_units} unit(s) on hand are free (on hand ${row.stocked}, safety stock ${row.safety_stock}, on_hand units ${row.on_hand_units})`
        : `on_hand units hold ${row.on_hand_units} but only ${row.stocked} are on hand`,
      expected: waiting ? row.on_hand_units : row.stocked,
      actual: waiting ? fillable : row.on_hand_units,
    })
  }
  // Invariant 5: per order line and inventory item, the units that are
  // not canceled add up to the line quantity × the kit's required quantity
  // (canceled orders excluded: all their unshipped units are canceled).
  const lineBreaches = await manager.execute(
    `SELECT u.order_id, u.line_item_id, u.inventory_item_id, u.location_id, si.id AS stock_item_id,
            SUM(u.quantity)::int AS units,
            (oi.quantity * COALESCE(pvii.required_quantity, 1))::int AS expected
       FROM inventory_unit u
       JOIN ${MEDUSA.order} o ON o.id = u.order_id AND o.deleted_at IS NULL AND o.status <> 'canceled'
       JOIN ${MEDUSA.order_item} oi
         ON oi.order_id = o.id AND oi.item_id = u.line_item_id AND oi.version = o.version
        AND oi.deleted_at IS NULL
       LEFT JOIN ${MEDUSA.product_variant_inventory_item} pvii
         ON pvii.variant_id = u.variant_id AND pvii.inventory_item_id = u.inventory_item_id
        AND pvii.deleted_at IS NULL
       LEFT JOIN stock_item si
         ON si.inventory_item_id = u.inventory_item_id AND si.location_id = u.location_id
        AND si.deleted_at IS NULL
      WHERE u.deleted_at IS NULL AND u.state <> 'canceled' AND u.inventory_item_id IS NOT NULL
      GROUP BY u.order_id, u.line_item_id, u.inventory_item_id, u.location_id, si.id,
               oi.quantity, pvii.required_quantity
     HAVING SUM(u.quantity) <> oi.quantity * COALESCE(pvii.required_quantity, 1)
      LIMIT 1000`
  )
  for (const row of lineBreaches) {
    problems.push({
      stock_item_id: row.stock_item_id,
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      invariant: 5,
      message: `Order ${row.order_id} line ${row.line_item_id} has ${row.units} unit(s) of inventory item ${row.inventory_item_id} that are not canceled; the line needs ${row.expected}`,
      expected: row.expected,
      actual: row.units,
    })
  }
  return { ok: problems.length === 0, checked: sums.length, problems }
}
