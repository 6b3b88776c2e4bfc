import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import type { CartStockLine, CheckoutHoldRow } from "../types"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
import { HOLD_COUNTS } from "./live-holds"
import { checkCartPlacement } from "./placement"

/** One line of a cart's hold: what it asked for and what stock holds for it. */
export type CheckoutHoldItem = { line_item_id: string | undefined; variant_id: string; quantity: number; held: number }
export type CheckoutHoldResult = { expires_at: Date; items: CheckoutHoldItem[] }

// Holds are created one cart at a time, so two carts never both hold the last unit.
const HOLD_LOCK = "stockroom-checkout-hold"

/**
 * Holds, for `checkout_hold_minutes`, each tracked line's sellable stock at
 * the location Stockroom would place it (less other carts' live holds).
 * Calling again replaces the cart's hold and renews it. Never touches
 * Medusa's levels or the ledger.
 */
export async function holdCartStock(
  context: ActionContext,
  cartId: string,
  salesChannelId: string,
  lines: CartStockLine[]
): Promise<CheckoutHoldResult> {
  const { manager, options } = context
  const minutes = options.checkout_hold_minutes
  if (!minutes) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Checkout holds are off: set the checkout_hold_minutes option to use them"
    )
  }
  await manager.execute(`SELECT pg_advisory_xact_lock(hashtext(?))`, [HOLD_LOCK])
  const variantIds = [...new Set(lines.map((line) => line.variant_id))]
  // Checkout places units with these stock items locked and counts the
  // holds it then sees: locking them before reading makes a hold and a
  // checkout's final check see each other, whichever comes first.
  if (variantIds.length) {
    await manager.execute(
      `SELECT si.id FROM stock_item si
         JOIN ${MEDUSA.product_variant_inventory_item} pvii
           ON pvii.inventory_item_id = si.inventory_item_id AND pvii.deleted_at IS NULL
        WHERE si.deleted_at IS NULL AND pvii.variant_id IN (${placeholders(variantIds.length)})
        ORDER BY si.id
          FOR UPDATE OF si`,
      variantIds
    )
  }
  const { lines: placed } = await checkCartPlacement(context, salesChannelId, lines, cartId)
  const components = variantIds.length
    ? await manager.execute(
        `SELECT variant_id, inventory_item_id, GREATEST(required_quantity, 1) AS required_quantity
           FROM ${MEDUSA.product_variant_inventory_item}
          WHERE deleted_at IS NULL AND variant_id IN (${placeholders(variantIds.length)})`,
        variantIds
      )
    : []
  const [{ expires_at }] = await manager.execute(
    `SELECT now() + make_interval(mins => ?) AS expires_at`,
    [minutes]
  )
  await manager.execute(`DELETE FROM checkout_hold WHERE cart_id = ?`, [cartId])
  const rows: unknown[][] = []
  const items: CheckoutHoldItem[] = placed.map((line) => {
    const held = line.location_id ? line.available : 0
    if (line.location_id && held > 0) {
      for (const part of components.filter((row: any) => row.variant_id === line.variant_id)) {
        rows.push([
          generateEntityId(undefined, "srhold"),
          cartId,
          part.inventory_item_id,
          line.location_id,
          held * Number(part.required_quantity),
          expires_at,
        ])
      }
    }
    return { line_item_id: line.line_item_id, variant_id: line.variant_id, quantity: line.quantity, held }
  })
  if (rows.length) {
    await manager.execute(
      `INSERT INTO checkout_hold (id, cart_id, inventory_item_id, location_id, quantity, expires_at)
       VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
      rows.flat()
    )
  }
  return { expires_at: new Date(expires_at), items }
}

/** Releases a cart's hold (its checkout completed, or the customer left); returns the rows that went. */
export async function releaseCartHold({ manager }: ActionContext, cartId: string): Promise<CheckoutHoldRow[]> {
  const rows = await manager.execute(
    `DELETE FROM checkout_hold WHERE cart_id = ? AND deleted_at IS NULL
     RETURNING id, cart_id, inventory_item_id, location_id, quantity, expires_at`,
    [cartId]
  )
  return rows.map((row: any) => ({ ...row, quantity: Number(row.quantity), expires_at: new Date(row.expires_at) }))
}

/**
 * Puts released hold rows back as they were (a checkout that consumed its
 * hold rolled back), unless the cart holds again meanwhile. A row whose
 * expiry has passed comes back expired: it counts for nothing and is swept.
 */
export async function restoreCartHold({ manager }: ActionContext, rows: CheckoutHoldRow[]): Promise<number> {
  let restored = 0
  for (const cartId of [...new Set(rows.map((row) => row.cart_id))]) {
    const own = rows.filter((row) => row.cart_id === cartId)
    const inserted = await manager.execute(
      `INSERT INTO checkout_hold (id, cart_id, inventory_item_id, location_id, quantity, expires_at)
       SELECT * FROM (VALUES ${own.map(() => "(?, ?, ?, ?, ?::integer, ?::timestamptz)").join(", ")})
           AS v(id, cart_id, inventory_item_id, location_id, quantity, expires_at)
        WHERE NOT EXISTS (SELECT 1 FROM checkout_hold WHERE cart_id = ? AND deleted_at IS NULL)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        ...own.flatMap((row) => [row.id, row.cart_id, row.inventory_item_id, row.location_id, row.quantity, new Date(row.expires_at)]),
        cartId,
      ]
    )
    restored += inserted.length
  }
  return restored
}

/** Removes expired holds. They already count for nothing; this only keeps the table small. */
export async function sweepExpiredHolds({ manager }: ActionContext): Promise<number> {
  const rows = await manager.execute(`DELETE FROM checkout_hold WHERE expires_at <= now() RETURNING id`)
  return rows.length
}

/** Live held quantities per inventory item and location (admin stock sections). */
export async function listHeldQuantities(
  { manager }: ActionContext,
  inventoryItemIds: string[]
): Promise<{ inventory_item_id: string; location_id: string; held: number }[]> {
  if (!inventoryItemIds.length) {
    return []
  }
  const rows = await manager.execute(
    `SELECT h.inventory_item_id, h.location_id, SUM(h.quantity)::int AS held FROM checkout_hold h
      WHERE h.inventory_item_id IN (${placeholders(inventoryItemIds.length)})
        AND ${HOLD_COUNTS}
      GROUP BY h.inventory_item_id, h.location_id`,
    inventoryItemIds
  )
  return rows.map((row: any) => ({ inventory_item_id: row.inventory_item_id, location_id: row.location_id, held: Number(row.held) }))
}
