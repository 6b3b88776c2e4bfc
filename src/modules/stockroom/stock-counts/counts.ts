import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { lockStockItems } from "../ledger/locks"
import { applyStockChanges, EMPTY_LEDGER_RESULT } from "../ledger/record"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
import type {
  ApplyStockChangeInput,
  LedgerResult,
  OpenStockCountInput,
  RecordStockCountInput,
  StockCountState,
} from "../types"

type CountRow = { id: string; state: StockCountState; location_id: string; created_at: Date }
type ItemRow = {
  id: string
  stock_item_id: string
  inventory_item_id: string
  sku: string | null
  counted: number | null
  counted_at: Date | null
}

/**
 * Opens a count of a location: one row per stock item there (or per given
 * inventory item), with what the ledger says is on hand now.
 */
export async function openStockCount(
  { manager }: ActionContext,
  input: OpenStockCountInput
): Promise<string> {
  const wanted = input.inventory_item_ids ? [...new Set(input.inventory_item_ids)] : null
  const rows = await manager.execute(
    `SELECT si.id, si.inventory_item_id, si.ledger_on_hand, ii.sku
       FROM stock_item si
       LEFT JOIN ${MEDUSA.inventory_item} ii ON ii.id = si.inventory_item_id
      WHERE si.deleted_at IS NULL AND si.location_id = ?
        ${wanted?.length ? `AND si.inventory_item_id IN (${placeholders(wanted.length)})` : ""}
      ORDER BY ii.sku NULLS LAST, si.inventory_item_id`,
    [input.location_id, ...(wanted ?? [])]
  )
  if (wanted) {
    const found = new Set(rows.map((row) => row.inventory_item_id))
    const missing = wanted.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Inventory item${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not stocked at location ${input.location_id}`
      )
    }
  }
  if (!rows.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Location ${input.location_id} has no stock items to count`
    )
  }
  const [{ next }] = await manager.execute(`SELECT nextval('stock_count_number_seq') AS next`)
  const id = generateEntityId(undefined, "scount")
  await manager.execute(
    `INSERT INTO stock_count (id, number, location_id, state, created_by) VALUES (?, ?, ?, 'open', ?)`,
    [id, `SC-${next}`, input.location_id, input.created_by ?? null]
  )
  const params: unknown[] = []
  for (const row of rows) {
    params.push(
      generateEntityId(undefined, "scitem"),
      id,
      row.id,
      row.inventory_item_id,
      row.sku ?? null,
      Number(row.ledger_on_hand)
    )
  }
  await manager.execute(
    `INSERT INTO stock_count_item (id, stock_count_id, stock_item_id, inventory_item_id, sku, expected)
     VALUES ${placeholders(rows.length, "(?, ?, ?, ?, ?, ?)")}`,
    params
  )
  return id
}

/** Locks an open count; a count that is applied or canceled refuses `what`. */
async function lockOpenCount(
  { manager }: ActionContext,
  id: string,
  what: string
): Promise<CountRow> {
  const [count] = await manager.execute(
    `SELECT id, state, location_id, created_at FROM stock_count
      WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (!count) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock count ${id} not found`)
  }
  if (count.state !== "open") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Stock count ${id} is ${count.state}: cannot ${what}`
    )
  }
  return count
}

async function countItems({ manager }: ActionContext, id: string): Promise<ItemRow[]> {
  return await manager.execute(
    `SELECT id, stock_item_id, inventory_item_id, sku, counted, counted_at
       FROM stock_count_item WHERE stock_count_id = ? AND deleted_at IS NULL`,
    [id]
  )
}

/**
 * On hand at each moment, from the ledger's running balance: the
 * `stocked_after` of the stock item's last movement written at or before it.
 */
async function onHandAt(
  { manager }: ActionContext,
  points: { stock_item_id: string; at: Date | string }[]
): Promise<number[]> {
  if (!points.length) {
    return []
  }
  const params = points.flatMap((point, index) => [index, point.stock_item_id, new Date(point.at)])
  const rows = await manager.execute(
    `SELECT p.idx, COALESCE((
        SELECT m.stocked_after FROM stock_movement m
         WHERE m.stock_item_id = p.stock_item_id AND m.created_at <= p.at
         ORDER BY m.sequence DESC LIMIT 1), 0) AS on_hand
       FROM (VALUES ${placeholders(points.length, "(?::int, ?::text, ?::timestamptz)")}) AS p(idx, stock_item_id, at)`,
    params
  )
  const result = new Array<number>(points.length).fill(0)
  for (const row of rows) {
    result[Number(row.idx)] = Number(row.on_hand)
  }
  return result
}

/**
 * Records counts on an open count (the last count of an item wins). Each
 * entry names its item by inventory_item_id or sku; `counted_at` defaults to
 * now and must lie between the count's opening and now.
 */
export async function recordStockCount(
  context: ActionContext,
  id: string,
  input: RecordStockCountInput
): Promise<void> {
  const count = await lockOpenCount(context, id, "record counts")
  const items = await countItems(context, id)
  const byInventoryItem = new Map(items.map((item) => [item.inventory_item_id, item]))
  const bySku = new Map(items.filter((item) => item.sku).map((item) => [item.sku!, item]))
  const [{ now }] = await context.manager.execute(`SELECT clock_timestamp() AS now`)
  const opened = new Date(count.created_at).getTime()
  const problems: string[] = []
  const updates: { item: ItemRow; counted: number; at: Date }[] = []
  input.items.forEach((entry, index) => {
    const item = entry.inventory_item_id
      ? byInventoryItem.get(entry.inventory_item_id)
      : entry.sku
        ? bySku.get(entry.sku)
        : undefined
    const at = entry.counted_at ? new Date(entry.counted_at) : new Date(now)
    if (!item) {
      problems.push(
        `items[${index}]: ${entry.inventory_item_id ? `inventory item ${entry.inventory_item_id}` : `sku ${entry.sku}`} is not in stock count ${id}`
      )
    } else if (at.getTime() < opened || at.getTime() > new Date(now).getTime()) {
      problems.push(`items[${index}]: counted_at must lie between the count's opening and now`)
    } else {
      updates.push({ item, counted: entry.counted, at })
    }
  })
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  const expected = await onHandAt(
    context,
    updates.map(({ item, at }) => ({ stock_item_id: item.stock_item_id, at }))
  )
  const params: unknown[] = []
  updates.forEach(({ item, counted, at }, index) => {
    params.push(item.id, counted, at, expected[index], counted - expected[index])
  })
  await context.manager.execute(
    `UPDATE stock_count_item AS i
        SET counted = v.counted, counted_at = v.counted_at, expected_at_count = v.expected_at_count,
            difference = v.difference, updated_at = now()
       FROM (VALUES ${placeholders(updates.length, "(?::text, ?::int, ?::timestamptz, ?::int, ?::int)")})
            AS v(id, counted, counted_at, expected_at_count, difference)
      WHERE i.id = v.id`,
    params
  )
}

/**
 * Applies an open count in one transaction: under locks on the counted
 * stock items, re-reads on hand at each count's moment and books one
 * `adjusted` movement (reason code cycle_count, originator the count) per
 * non-zero difference; then the count is applied.
 */
export async function applyStockCount(
  context: ActionContext,
  id: string,
  actorId: string | null
): Promise<LedgerResult> {
  await lockOpenCount(context, id, "apply it")
  const counted = (await countItems(context, id)).filter((item) => item.counted !== null)
  let result = EMPTY_LEDGER_RESULT()
  if (counted.length) {
    await lockStockItems(context.manager, counted.map((item) => item.stock_item_id))
    const expected = await onHandAt(
      context,
      counted.map((item) => ({ stock_item_id: item.stock_item_id, at: item.counted_at! }))
    )
    const changes: ApplyStockChangeInput[] = []
    const params: unknown[] = []
    counted.forEach((item, index) => {
      const difference = Number(item.counted) - expected[index]
      params.push(item.id, expected[index], difference)
      if (difference !== 0) {
        changes.push({
          stock_item_id: item.stock_item_id,
          kind: "adjusted",
          quantity: difference,
          stocked_change: difference,
          originator_type: "stock_count",
          originator_id: id,
          actor_id: actorId,
          reason_code: "cycle_count",
          reason: null,
          note: `Counted ${item.counted}, ledger said ${expected[index]} at ${new Date(item.counted_at!).toISOString()}`,
        })
      }
    })
    await context.manager.execute(
      `UPDATE stock_count_item AS i
          SET expected_at_count = v.expected_at_count, difference = v.difference, updated_at = now()
         FROM (VALUES ${placeholders(counted.length, "(?::text, ?::int, ?::int)")})
              AS v(id, expected_at_count, difference)
        WHERE i.id = v.id`,
      params
    )
    if (changes.length) {
      result = await applyStockChanges(context, changes)
      const movementOf = new Map(
        result.movements
          .filter((movement) => movement.originator_type === "stock_count")
          .map((movement) => [movement.stock_item_id, movement.id])
      )
      const links = counted.filter((item) => movementOf.has(item.stock_item_id))
      if (links.length) {
        await context.manager.execute(
          `UPDATE stock_count_item AS i SET movement_id = v.movement_id
             FROM (VALUES ${placeholders(links.length, "(?::text, ?::text)")}) AS v(id, movement_id)
            WHERE i.id = v.id`,
          links.flatMap((item) => [item.id, movementOf.get(item.stock_item_id)!])
        )
      }
    }
  }
  await context.manager.execute(
    `UPDATE stock_count SET state = 'applied', applied_at = now(), applied_by = ?, updated_at = now() WHERE id = ?`,
    [actorId, id]
  )
  return result
}

/** Cancels an open count; nothing is booked. */
export async function cancelStockCount(context: ActionContext, id: string): Promise<void> {
  await lockOpenCount(context, id, "cancel it")
  await context.manager.execute(
    `UPDATE stock_count SET state = 'canceled', canceled_at = now(), updated_at = now() WHERE id = ?`,
    [id]
  )
}
