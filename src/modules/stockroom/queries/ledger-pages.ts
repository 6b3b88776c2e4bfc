import type { ActionContext } from "../context"
import { placeholders } from "../ledger/sql"
import {
  STOCK_MOVEMENT_COLUMNS,
  type StockMovementDTO,
  type StockMovementFilters,
  type StockMovementKeyset,
  type StockMovementPageOrder,
} from "../types"

/** How each sortable column compares in SQL (the keyset value travels as text). */
const ORDER_COLUMN_TYPES: Record<StockMovementPageOrder["field"], string> = {
  created_at: "timestamptz",
  sequence: "integer",
  quantity: "integer",
  kind: "text",
  stock_item_id: "text",
  inventory_item_id: "text",
  location_id: "text",
  id: "text",
}

const LIST_FILTERS = [
  "stock_item_id",
  "inventory_item_id",
  "location_id",
  "kind",
  "originator_type",
  "originator_id",
  "reason_code",
] as const

const CREATED_AT_OPERATORS = { $gte: ">=", $lte: "<=", $gt: ">", $lt: "<" } as const

/** The WHERE clause of the ledger's filters, parameterised. */
function filterClause(filters: StockMovementFilters): { sql: string[]; params: unknown[] } {
  const sql = ["deleted_at IS NULL"]
  const params: unknown[] = []
  for (const column of LIST_FILTERS) {
    const values = filters[column]
    if (values) {
      if (!values.length) {
        sql.push("false")
        continue
      }
      sql.push(`${column} IN (${placeholders(values.length)})`)
      params.push(...values)
    }
  }
  for (const [operator, value] of Object.entries(filters.created_at ?? {})) {
    if (value) {
      sql.push(`created_at ${CREATED_AT_OPERATORS[operator as keyof typeof CREATED_AT_OPERATORS]} ?`)
      params.push(value)
    }
  }
  return { sql, params }
}

/** The filters that name stock items alone (a stock item, its inventory item, its location). */
const STOCK_ITEM_FILTERS = new Set<string>(["stock_item_id", "inventory_item_id", "location_id"])

/**
 * How many movements match the filters. Filtered by stock item, inventory
 * item or location alone (or not at all), that is the sum of the matching
 * stock items' `last_sequence`: every movement takes the next sequence of
 * its stock item in the transaction that writes it, so a stock item's
 * movements are numbered 1…last_sequence without a gap (invariant 3, which
 * the audit checks). One row per stock item is read instead of one per
 * movement: 10,000 rows instead of 2,000,000 for a whole ledger. Any other
 * filter counts the movements themselves, from the index of that filter.
 */
export async function countStockMovements(
  { manager }: ActionContext,
  filters: StockMovementFilters
): Promise<number> {
  const { sql, params } = filterClause(filters)
  const byStockItem = Object.entries(filters).every(
    ([key, value]) => value === undefined || STOCK_ITEM_FILTERS.has(key)
  )
  if (byStockItem) {
    // Removed stock items' movements stay in the ledger: no deleted_at filter.
    const where = sql.slice(1).map((clause) => clause.replace(/^stock_item_id /, "id "))
    const [row] = await manager.execute(
      `SELECT COALESCE(sum(last_sequence), 0)::bigint AS count FROM stock_item
        ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`,
      params
    )
    return Number(row.count)
  }
  const [row] = await manager.execute(
    `SELECT count(*)::bigint AS count FROM stock_movement WHERE ${sql.join(" AND ")}`,
    params
  )
  return Number(row.count)
}

/**
 * The newest movement's `created_at`, exactly (as text, microseconds kept):
 * the bound of an export, so movements written while it runs stay out of it.
 */
export async function newestStockMovementTime({ manager }: ActionContext): Promise<string | null> {
  const [row] = await manager.execute(
    `SELECT created_at::text AS created_at FROM stock_movement
      WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 1`
  )
  return row?.created_at ?? null
}

/**
 * One page of the ledger in `order` (ties by sequence, then id, the same
 * way), starting after the keyset `after`: each page is an index range
 * scan from where the last one stopped, so the export's cost per page does
 * not grow with how far into the ledger it is (OFFSET would re-read every
 * earlier row). Movements newer than `until` are left out.
 */
export async function listStockMovementPage(
  { manager }: ActionContext,
  filters: StockMovementFilters,
  page: {
    order: StockMovementPageOrder
    limit: number
    after?: StockMovementKeyset | null
    until?: string | null
  }
): Promise<{ movements: StockMovementDTO[]; next: StockMovementKeyset | null }> {
  const { field, direction } = page.order
  const type = ORDER_COLUMN_TYPES[field]
  if (!type) {
    throw new Error(`Cannot page the ledger by ${field}`)
  }
  const { sql, params } = filterClause(filters)
  if (page.until) {
    sql.push("created_at <= ?::timestamptz")
    params.push(page.until)
  }
  const before = direction === "DESC" ? "<" : ">"
  if (page.after) {
    // The first condition alone lets PostgreSQL start the index scan at the
    // keyset; the row comparison then skips the rows tied with it.
    sql.push(
      `${field} ${before}= ?::${type}`,
      `(${field}, sequence, id) ${before} (?::${type}, ?::integer, ?::text)`
    )
    params.push(page.after.value, page.after.value, page.after.sequence, page.after.id)
  }
  const rows = await manager.execute(
    `SELECT ${["created_at", ...STOCK_MOVEMENT_COLUMNS].join(", ")}, ${field}::text AS keyset_value
       FROM stock_movement
      WHERE ${sql.join(" AND ")}
      ORDER BY ${field} ${direction}, sequence ${direction}, id ${direction}
      LIMIT ?`,
    [...params, page.limit]
  )
  const last = rows.at(-1)
  const movements = rows.map(({ keyset_value: _, ...movement }) => movement as StockMovementDTO)
  return {
    movements,
    next:
      last && rows.length === page.limit
        ? { value: last.keyset_value, sequence: Number(last.sequence), id: last.id }
        : null,
  }
}
