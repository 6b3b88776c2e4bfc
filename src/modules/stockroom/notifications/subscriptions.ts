import { randomBytes, timingSafeEqual } from "crypto"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
import type {
  CreateStockSubscriptionInput,
  StockItemRef,
  StockSubscriptionDTO,
  StockSubscriptionFilters,
  StockSubscriptionStatus,
  StockSubscriptionWithTokenDTO,
  VariantDemandRow,
  WaitingSubscriptionTarget,
} from "../types"

/** The condition of a subscription still waiting to be told. */
const WAITING = "s.deleted_at IS NULL AND s.notified_at IS NULL AND s.canceled_at IS NULL"

const COLUMNS =
  "id, variant_id, email, customer_id, sales_channel_id, token, notified_at, canceled_at, created_at"

function statusOf(row: { notified_at: Date | null; canceled_at: Date | null }): StockSubscriptionStatus {
  if (row.canceled_at) {
    return "canceled"
  }
  return row.notified_at ? "notified" : "active"
}

function withToken(row: any): StockSubscriptionWithTokenDTO {
  return {
    id: row.id,
    variant_id: row.variant_id,
    email: row.email,
    customer_id: row.customer_id ?? null,
    sales_channel_id: row.sales_channel_id,
    token: row.token,
    notified_at: row.notified_at ?? null,
    canceled_at: row.canceled_at ?? null,
    created_at: row.created_at,
    status: statusOf(row),
  }
}

/** A subscription as routes show it: never the token. */
export function publicSubscription(row: StockSubscriptionWithTokenDTO): StockSubscriptionDTO {
  const { token: _token, ...rest } = row
  return rest
}

/**
 * Subscribes an email to a variant in a sales channel. One active
 * subscription per (variant, email ignoring case, channel): subscribing
 * again returns the one already there. The token is 32 random bytes.
 */
export async function subscribeToStock(
  { manager }: ActionContext,
  input: CreateStockSubscriptionInput
): Promise<{ subscription: StockSubscriptionWithTokenDTO; created: boolean }> {
  const email = input.email.trim().toLowerCase()
  const inserted = await manager.execute(
    `INSERT INTO stock_subscription (id, variant_id, email, customer_id, sales_channel_id, token)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (variant_id, lower(email), sales_channel_id)
       WHERE deleted_at IS NULL AND notified_at IS NULL AND canceled_at IS NULL
     DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      generateEntityId(undefined, "ssub"),
      input.variant_id,
      email,
      input.customer_id ?? null,
      input.sales_channel_id,
      randomBytes(32).toString("base64url"),
    ]
  )
  if (inserted.length) {
    return { subscription: withToken(inserted[0]), created: true }
  }
  const [existing] = await manager.execute(
    `SELECT ${COLUMNS} FROM stock_subscription s
      WHERE s.variant_id = ? AND lower(s.email) = ? AND s.sales_channel_id = ? AND ${WAITING}`,
    [input.variant_id, email, input.sales_channel_id]
  )
  return { subscription: withToken(existing), created: false }
}

/**
 * Unsubscribes with the token the notification carried. Unsubscribing
 * twice is harmless; a wrong token changes nothing.
 */
export async function cancelStockSubscription(
  { manager }: ActionContext,
  id: string,
  token: string
): Promise<StockSubscriptionWithTokenDTO> {
  const [row] = await manager.execute(
    `SELECT ${COLUMNS} FROM stock_subscription WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock subscription ${id} was not found`)
  }
  const expected = Buffer.from(String(row.token))
  const given = Buffer.from(token)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The token does not match stock subscription ${id}`
    )
  }
  if (row.canceled_at) {
    return withToken(row)
  }
  const [canceled] = await manager.execute(
    `UPDATE stock_subscription SET canceled_at = now(), updated_at = now()
      WHERE id = ? RETURNING ${COLUMNS}`,
    [id]
  )
  return withToken(canceled)
}

/**
 * The variants and sales channels with waiting subscribers that stock at
 * the given places can serve: variants made of those inventory items, in
 * the channels those locations belong to.
 */
export async function listWaitingTargets(
  { manager }: ActionContext,
  refs: StockItemRef[]
): Promise<WaitingSubscriptionTarget[]> {
  if (!refs.length) {
    return []
  }
  return await manager.execute(
    `SELECT DISTINCT s.variant_id, s.sales_channel_id
       FROM stock_subscription s
       JOIN ${MEDUSA.product_variant_inventory_item} pvii
         ON pvii.variant_id = s.variant_id AND pvii.deleted_at IS NULL
       JOIN ${MEDUSA.sales_channel_stock_location} scl
         ON scl.sales_channel_id = s.sales_channel_id AND scl.deleted_at IS NULL
      WHERE ${WAITING}
        AND (pvii.inventory_item_id, scl.stock_location_id) IN (${placeholders(refs.length, "(?, ?)")})`,
    refs.flatMap((ref) => [ref.inventory_item_id, ref.location_id])
  )
}

/**
 * Claims up to `limit` waiting subscriptions of a variant in a channel by
 * marking them notified, oldest first. A claim waits for a concurrent one
 * on the same rows and then finds them no longer waiting, so two processes
 * (or a redelivered event) never claim the same subscription.
 */
export async function claimWaitingSubscriptions(
  { manager }: ActionContext,
  target: WaitingSubscriptionTarget,
  limit: number
): Promise<StockSubscriptionWithTokenDTO[]> {
  const rows = await manager.execute(
    `UPDATE stock_subscription SET notified_at = now(), updated_at = now()
      WHERE id IN (SELECT s.id FROM stock_subscription s
                    WHERE s.variant_id = ? AND s.sales_channel_id = ? AND ${WAITING}
                    ORDER BY s.created_at, s.id
                    LIMIT ?
                      FOR UPDATE)
        AND notified_at IS NULL
      RETURNING ${COLUMNS}`,
    [target.variant_id, target.sales_channel_id, limit]
  )
  return rows.map(withToken)
}

/** Puts claimed subscriptions back to waiting (their notification could not be sent). */
export async function releaseSubscriptions({ manager }: ActionContext, ids: string[]): Promise<void> {
  if (!ids.length) {
    return
  }
  await manager.execute(
    `UPDATE stock_subscription SET notified_at = NULL, updated_at = now()
      WHERE id IN (${placeholders(ids.length)}) AND canceled_at IS NULL`,
    ids
  )
}

const STATUS_CONDITION: Record<StockSubscriptionStatus, string> = {
  active: "(s.notified_at IS NULL AND s.canceled_at IS NULL)",
  notified: "(s.notified_at IS NOT NULL AND s.canceled_at IS NULL)",
  canceled: "(s.canceled_at IS NOT NULL)",
}

/** Subscriptions for the admin, newest first, with the total. */
export async function listSubscriptions(
  { manager }: ActionContext,
  filters: StockSubscriptionFilters,
  page: { skip: number; take: number }
): Promise<[StockSubscriptionDTO[], number]> {
  const conditions = ["s.deleted_at IS NULL"]
  const params: unknown[] = []
  if (filters.variant_id?.length) {
    conditions.push(`s.variant_id IN (${placeholders(filters.variant_id.length)})`)
    params.push(...filters.variant_id)
  }
  if (filters.sales_channel_id?.length) {
    conditions.push(`s.sales_channel_id IN (${placeholders(filters.sales_channel_id.length)})`)
    params.push(...filters.sales_channel_id)
  }
  if (filters.status?.length) {
    conditions.push(`(${filters.status.map((status) => STATUS_CONDITION[status]).join(" OR ")})`)
  }
  const where = conditions.join(" AND ")
  const [rows, [count]] = await Promise.all([
    manager.execute(
      `SELECT ${COLUMNS} FROM stock_subscription s WHERE ${where}
        ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?`,
      [...params, page.take, page.skip]
    ),
    manager.execute(`SELECT COUNT(*)::int AS count FROM stock_subscription s WHERE ${where}`, params),
  ])
  return [rows.map((row) => publicSubscription(withToken(row))), Number(count.count)]
}

/**
 * Variants by demand: waiting subscribers plus units on backorder, the
 * largest first. Only variants with some demand are listed.
 */
export async function listDemand(
  { manager }: ActionContext,
  page: { skip: number; take: number; variant_ids?: string[] }
): Promise<[VariantDemandRow[], number]> {
  const variantFilter = page.variant_ids?.length
    ? `WHERE d.variant_id IN (${placeholders(page.variant_ids.length)})`
    : ""
  const demand = `WITH waiting AS (
         SELECT s.variant_id, COUNT(*)::int AS waiting_subscribers
           FROM stock_subscription s WHERE ${WAITING} GROUP BY s.variant_id),
       backordered AS (
         SELECT u.variant_id, SUM(u.quantity)::int AS backordered_quantity
           FROM inventory_unit u
          WHERE u.deleted_at IS NULL AND u.state = 'backordered' AND u.variant_id IS NOT NULL
          GROUP BY u.variant_id),
       demand AS (
         SELECT COALESCE(w.variant_id, b.variant_id) AS variant_id,
                COALESCE(w.waiting_subscribers, 0) AS waiting_subscribers,
                COALESCE(b.backordered_quantity, 0) AS backordered_quantity
           FROM waiting w FULL OUTER JOIN backordered b ON b.variant_id = w.variant_id)`
  const params = page.variant_ids ?? []
  const [rows, [count]] = await Promise.all([
    manager.execute(
      `${demand}
       SELECT d.* FROM demand d ${variantFilter}
        ORDER BY d.waiting_subscribers + d.backordered_quantity DESC, d.variant_id
        LIMIT ? OFFSET ?`,
      [...params, page.take, page.skip]
    ),
    manager.execute(`${demand} SELECT COUNT(*)::int AS count FROM demand d ${variantFilter}`, params),
  ])
  return [
    rows.map((row) => ({
      variant_id: row.variant_id,
      waiting_subscribers: Number(row.waiting_subscribers),
      backordered_quantity: Number(row.backordered_quantity),
    })),
    Number(count.count),
  ]
}
