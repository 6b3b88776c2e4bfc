import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import type { CartStockLine } from "../types"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
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
  const { lines: placed } = await checkCartPlacement(context, salesChannelId, lines, cartId)
  const variantIds = [...new Set(lines.map((line) => line.variant_id))]
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

/** Releases a cart's hold (its checkout completed, or the customer left); returns how many rows went. */
export async function releaseCartHold({ manager }: ActionContext, cartId: string): Promise<number> {
  const rows = await manager.execute(`DELETE FROM checkout_hold WHERE cart_id = ? RETURNING id`, [cartId])
  return rows.length
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
    `SELECT inventory_item_id, location_id, SUM(quantity)::int AS held FROM checkout_hold
      WHERE deleted_at IS NULL AND expires_at > now()
        AND inventory_item_id IN (${placeholders(inventoryItemIds.length)})
      GROUP BY inventory_item_id, location_id`,
    inventoryItemIds
  )
  return rows.map((row: any) => ({ inventory_item_id: row.inventory_item_id, location_id: row.location_id, held: Number(row.held) }))
}
