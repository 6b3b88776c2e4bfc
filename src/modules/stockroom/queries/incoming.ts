import type { ActionContext } from "../context"
import { MEDUSA } from "../medusa-tables"
import { pairKey, pairParams, placeholders, uniquePairs } from "../ledger/sql"
import type { BackorderEta, IncomingStock, StockItemRef } from "../types"

/**
 * Every batch of goods on its way to a place: the outstanding quantity of
 * each item of an ordered or partially received purchase order (to its
 * location) and of each item of a transfer in transit (to its
 * destination), with the batch's expected date (`YYYY-MM-DD` or null).
 */
export const INCOMING_BATCHES_SQL = `
  SELECT i.id AS batch_id, i.inventory_item_id, po.location_id, po.expected_at,
         i.quantity - i.received_quantity - i.rejected_quantity AS outstanding
    FROM purchase_order_item i
    JOIN purchase_order po ON po.id = i.purchase_order_id AND po.deleted_at IS NULL
   WHERE i.deleted_at IS NULL AND po.state IN ('ordered', 'partially_received')
     AND i.quantity - i.received_quantity - i.rejected_quantity > 0
  UNION ALL
  SELECT ti.id, ti.inventory_item_id, t.destination_location_id, t.expected_at,
         ti.quantity - ti.received_quantity - ti.rejected_quantity
    FROM stock_transfer_item ti
    JOIN stock_transfer t ON t.id = ti.transfer_id AND t.deleted_at IS NULL
   WHERE ti.deleted_at IS NULL AND t.state = 'in_transit'
     AND ti.quantity - ti.received_quantity - ti.rejected_quantity > 0`

/** Incoming quantity and the earliest date still outstanding, per given place (absent: nothing incoming). */
export async function listIncomingStock(
  { manager }: ActionContext,
  refs: StockItemRef[]
): Promise<Map<string, IncomingStock>> {
  const pairs = uniquePairs(refs)
  const incoming = new Map<string, IncomingStock>()
  if (!pairs.length) {
    return incoming
  }
  const rows = await manager.execute(
    `SELECT b.inventory_item_id, b.location_id, SUM(b.outstanding)::int AS incoming,
            MIN(b.expected_at) AS next_expected_at
       FROM (${INCOMING_BATCHES_SQL}) b
      WHERE (b.inventory_item_id, b.location_id) IN (${placeholders(pairs.length, "(?, ?)")})
      GROUP BY b.inventory_item_id, b.location_id`,
    pairParams(pairs)
  )
  for (const row of rows) {
    incoming.set(pairKey(row), {
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      incoming: Number(row.incoming),
      next_expected_at: row.next_expected_at ?? null,
    })
  }
  return incoming
}

/**
 * Where each given backordered unit row stands, in one query: per
 * (inventory item, location) the backordered units, oldest `ordered_at`
 * first (then id), are matched by running sums against the incoming
 * batches in `expected_at` order (undated last, then by id). A row's
 * `queue_position` is the units ahead of it plus one; its `expected_at` is
 * the date of the batch that covers its last unit (null when nothing
 * incoming covers it or that batch has no date). Rows that are not
 * backordered are left out.
 *
 * Only what the given rows need is read: the queues of their (item,
 * location) pairs up to the latest of the given rows in each (the fill
 * queue index, IDX_inventory_unit_fill_queue, serves that range), and the
 * incoming batches of those pairs alone. A page at the head of long queues
 * ranks a few rows, not every queue it touches.
 */
export async function listBackorderEtas(
  { manager }: ActionContext,
  unitIds: string[]
): Promise<Map<string, BackorderEta>> {
  const etas = new Map<string, BackorderEta>()
  const ids = [...new Set(unitIds)]
  if (!ids.length) {
    return etas
  }
  const rows = await manager.execute(
    `WITH page AS (
       SELECT id, inventory_item_id, location_id, ordered_at FROM inventory_unit
        WHERE id IN (${placeholders(ids.length)}) AND state = 'backordered' AND deleted_at IS NULL
     ),
     pairs AS (
       SELECT inventory_item_id, location_id, MAX(ordered_at) AS last_ordered_at
         FROM page GROUP BY inventory_item_id, location_id
     ),
     queue AS (
       SELECT u.id, u.inventory_item_id, u.location_id, u.quantity,
              SUM(u.quantity) OVER (PARTITION BY u.inventory_item_id, u.location_id
                                    ORDER BY u.ordered_at, u.id ROWS UNBOUNDED PRECEDING) AS through
         FROM pairs p
         JOIN inventory_unit u
           ON u.inventory_item_id = p.inventory_item_id AND u.location_id = p.location_id
          AND u.state = 'backordered' AND u.deleted_at IS NULL AND u.ordered_at <= p.last_ordered_at
     ),
     batches AS (
       SELECT b.inventory_item_id, b.location_id, b.expected_at, b.outstanding,
              SUM(b.outstanding) OVER (PARTITION BY b.inventory_item_id, b.location_id
                                       ORDER BY b.expected_at NULLS LAST, b.batch_id
                                       ROWS UNBOUNDED PRECEDING) AS covered_through
         FROM (${INCOMING_BATCHES_SQL}) b
         JOIN pairs p ON p.inventory_item_id = b.inventory_item_id AND p.location_id = b.location_id
     )
     SELECT q.id, (q.through - q.quantity + 1)::int AS queue_position, b.expected_at
       FROM page
       JOIN queue q ON q.id = page.id
       LEFT JOIN batches b
         ON b.inventory_item_id = q.inventory_item_id AND b.location_id = q.location_id
        AND q.through > b.covered_through - b.outstanding AND q.through <= b.covered_through`,
    ids
  )
  for (const row of rows) {
    etas.set(row.id, {
      inventory_unit_id: row.id,
      queue_position: Number(row.queue_position),
      expected_at: row.expected_at ?? null,
    })
  }
  return etas
}

/**
 * Per variant, what is on its way to the sales channel's locations: the
 * units of the variant the incoming parts make (a kit counts whole sets)
 * and the date by which the first of them should have arrived (null when
 * nothing dated is incoming). Variants with nothing incoming are absent.
 */
export async function listVariantIncoming(
  { manager }: ActionContext,
  salesChannelId: string,
  variantIds: string[]
): Promise<Map<string, { incoming: number; next_restock_at: string | null }>> {
  const incoming = new Map<string, { incoming: number; next_restock_at: string | null }>()
  if (!variantIds.length) {
    return incoming
  }
  const rows = await manager.execute(
    `WITH parts AS (
       SELECT pvii.variant_id, pvii.inventory_item_id, GREATEST(pvii.required_quantity, 1) AS required,
              COALESCE(SUM(b.outstanding), 0) AS incoming, MIN(b.expected_at) AS next_expected_at
         FROM ${MEDUSA.product_variant_inventory_item} pvii
         LEFT JOIN (${INCOMING_BATCHES_SQL}) b
                ON b.inventory_item_id = pvii.inventory_item_id
               AND b.location_id IN (SELECT scl.stock_location_id FROM ${MEDUSA.sales_channel_stock_location} scl
                                      WHERE scl.sales_channel_id = ? AND scl.deleted_at IS NULL)
        WHERE pvii.deleted_at IS NULL AND pvii.variant_id IN (${placeholders(variantIds.length)})
        GROUP BY pvii.variant_id, pvii.inventory_item_id, pvii.required_quantity
     )
     SELECT variant_id, MIN(FLOOR(incoming / required))::int AS incoming,
            CASE WHEN BOOL_AND(next_expected_at IS NOT NULL) THEN MAX(next_expected_at) END AS next_restock_at
       FROM parts GROUP BY variant_id`,
    [salesChannelId, ...variantIds]
  )
  for (const row of rows) {
    if (Number(row.incoming) > 0) {
      incoming.set(row.variant_id, { incoming: Number(row.incoming), next_restock_at: row.next_restock_at ?? null })
    }
  }
  return incoming
}
