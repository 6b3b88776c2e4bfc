import type { ActionContext } from "../context"
import { liveHoldsSql } from "../checkout/live-holds"
import { placeholders } from "../ledger/sql"
import { sellableSql } from "../lib/sellable"
import { MEDUSA } from "../medusa-tables"
import { INCOMING_BATCHES_SQL } from "../queries/incoming"
import { STOCK_ITEM_ORDER_FIELDS, type StockItemFilters, type StockItemWithCountsDTO } from "../types"

const COUNTS = `COALESCE(l.stocked_quantity, 0)::int AS on_hand,
       COALESCE(l.reserved_quantity, 0)::int AS allocated,
       (COALESCE(l.stocked_quantity, 0) - COALESCE(l.reserved_quantity, 0))::int AS count_on_hand,
       COALESCE((SELECT SUM(u.quantity) FROM inventory_unit u
                  WHERE u.inventory_item_id = si.inventory_item_id
                    AND u.location_id = si.location_id
                    AND u.state = 'backordered' AND u.deleted_at IS NULL), 0)::int
         AS backordered_quantity,
       ${sellableSql("l", "si", liveHoldsSql("si"))}::int AS sellable,
       COALESCE(si.low_stock_threshold, ?::int) AS effective_low_stock_threshold`

/**
 * Stock items with their live counts read from Medusa's inventory levels.
 * One query with the filters applied in SQL, so paging and `count` agree.
 * `order` is a field of STOCK_ITEM_ORDER_FIELDS, `-` first for descending.
 */
export async function listStockItemsWithCounts(
  { manager, options }: ActionContext,
  filters: StockItemFilters,
  config: { offset?: number; limit?: number; order?: string }
): Promise<[StockItemWithCountsDTO[], number]> {
  const where: string[] = ["si.deleted_at IS NULL"]
  const params: unknown[] = []
  const addIn = (column: string, values?: string[]) => {
    if (values?.length) {
      where.push(`${column} IN (${placeholders(values.length)})`)
      params.push(...values)
    }
  }
  addIn("si.id", filters.id)
  addIn("si.inventory_item_id", filters.inventory_item_id)
  addIn("si.location_id", filters.location_id)
  if (filters.q) {
    where.push("(ii.sku ILIKE ? OR ii.title ILIKE ? OR si.inventory_item_id = ?)")
    const like = `%${filters.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    params.push(like, like, filters.q)
  }
  const having: string[] = []
  if (filters.low_stock !== undefined) {
    having.push(
      filters.low_stock
        ? "effective_low_stock_threshold IS NOT NULL AND sellable <= effective_low_stock_threshold"
        : "(effective_low_stock_threshold IS NULL OR sellable > effective_low_stock_threshold)"
    )
  }
  if (filters.backordered !== undefined) {
    having.push(filters.backordered ? "backordered_quantity > 0" : "backordered_quantity = 0")
  }
  if (filters.incoming !== undefined) {
    having.push(filters.incoming ? "incoming > 0" : "incoming = 0")
  }
  const orderKey = (config.order ?? "created_at").replace(/^-/, "")
  const orderField = (STOCK_ITEM_ORDER_FIELDS as readonly string[]).includes(orderKey)
    ? orderKey
    : "created_at"
  const orderBy = `${orderField} ${config.order?.startsWith("-") ? "DESC" : "ASC"}, id ASC`
  const base = `SELECT si.id, si.inventory_item_id, si.location_id, si.backorderable,
         si.low_stock_threshold, si.safety_stock, si.created_at, si.updated_at, ${COUNTS},
         COALESCE(inc.incoming, 0)::int AS incoming, inc.next_expected_at
    FROM stock_item si
    LEFT JOIN LATERAL (
         SELECT SUM(b.outstanding) AS incoming, MIN(b.expected_at) AS next_expected_at
           FROM (${INCOMING_BATCHES_SQL}) b
          WHERE b.inventory_item_id = si.inventory_item_id AND b.location_id = si.location_id
         ) inc ON true
    LEFT JOIN ${MEDUSA.inventory_level} l
           ON l.inventory_item_id = si.inventory_item_id
          AND l.location_id = si.location_id AND l.deleted_at IS NULL
    LEFT JOIN ${MEDUSA.inventory_item} ii ON ii.id = si.inventory_item_id
   WHERE ${where.join(" AND ")}`
  const filtered = `SELECT * FROM (${base}) AS items${having.length ? ` WHERE ${having.join(" AND ")}` : ""}`
  const allParams = [options.low_stock_threshold, ...params]
  const [rows, [{ count }]] = await Promise.all([
    manager.execute(`${filtered} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [
      ...allParams,
      config.limit ?? 50,
      config.offset ?? 0,
    ]),
    manager.execute(`SELECT count(*)::int AS count FROM (${filtered}) AS c`, allParams),
  ])
  const items = rows.map((row) => {
    const threshold =
      row.effective_low_stock_threshold === null ? null : Number(row.effective_low_stock_threshold)
    const sellable = Number(row.sellable)
    return {
      id: row.id,
      inventory_item_id: row.inventory_item_id,
      location_id: row.location_id,
      backorderable: row.backorderable,
      low_stock_threshold: row.low_stock_threshold === null ? null : Number(row.low_stock_threshold),
      created_at: row.created_at,
      updated_at: row.updated_at,
      on_hand: Number(row.on_hand),
      allocated: Number(row.allocated),
      count_on_hand: Number(row.count_on_hand),
      safety_stock: Number(row.safety_stock),
      sellable,
      backordered_quantity: Number(row.backordered_quantity),
      effective_low_stock_threshold: threshold,
      // Low stock looks at what can still be sold: safety stock and holds are not for sale.
      low_stock: threshold !== null && sellable <= threshold,
      incoming: Number(row.incoming),
      next_expected_at: row.next_expected_at ?? null,
    }
  })
  return [items, Number(count)]
}
