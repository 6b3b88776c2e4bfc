import type { ActionContext } from "../context"
import type { CheckoutShortfall } from "../lib/shortfall"
import { placeholders } from "../ledger/sql"
import { liveHoldsSql } from "../checkout/live-holds"
import { sellableSql } from "../lib/sellable"
import { MEDUSA } from "../medusa-tables"
import type { CartStockLine, VariantStockRow } from "../types"

type Execute = (sql: string, params?: unknown[]) => Promise<any[]>


// The channel's locations, through Medusa's own sales channel ↔ location link.
const CHANNEL_LOCATIONS = `SELECT scl.stock_location_id
  FROM ${MEDUSA.sales_channel_stock_location} scl
 WHERE scl.sales_channel_id = ? AND scl.deleted_at IS NULL`

// A level's stock item, for its safety stock.
const LEVEL_STOCK_ITEM = `LEFT JOIN stock_item lsi
                 ON lsi.inventory_item_id = l.inventory_item_id
                AND lsi.location_id = l.location_id AND lsi.deleted_at IS NULL`

// What a cart may take of a level: less safety stock and what carts hold while their customers pay.
const SELLABLE = sellableSql("l", "lsi", liveHoldsSql("l"))

/** Per inventory item in the channel: its sellable count and whether it may be backordered. */
const ITEM_STOCK = `SELECT pvii.variant_id, pvii.inventory_item_id, pvii.required_quantity,
       COALESCE((SELECT SUM(GREATEST(${SELLABLE}, 0))
                   FROM ${MEDUSA.inventory_level} l
                   ${LEVEL_STOCK_ITEM}
                  WHERE l.inventory_item_id = pvii.inventory_item_id
                    AND l.deleted_at IS NULL
                    AND l.location_id IN (SELECT stock_location_id FROM channel_locations)), 0)
         AS available,
       EXISTS (SELECT 1 FROM stock_item si
                WHERE si.inventory_item_id = pvii.inventory_item_id
                  AND si.deleted_at IS NULL AND si.backorderable
                  AND si.location_id IN (SELECT stock_location_id FROM channel_locations))
         AS backorderable
  FROM ${MEDUSA.product_variant_inventory_item} pvii`

/**
 * Stock of the given variants in a sales channel. Variants that do not
 * exist are left out. One query, whatever the number of variants.
 */
export async function variantStockInChannel(
  execute: Execute,
  salesChannelId: string,
  variantIds: string[]
): Promise<VariantStockRow[]> {
  if (!variantIds.length) {
    return []
  }
  const rows = await execute(
    `WITH channel_locations AS (${CHANNEL_LOCATIONS}),
          item_stock AS (${ITEM_STOCK}
                         WHERE pvii.deleted_at IS NULL
                           AND pvii.variant_id IN (${placeholders(variantIds.length)}))
     SELECT v.id AS variant_id, v.product_id, v.manage_inventory,
            COUNT(s.inventory_item_id)::int AS item_count,
            MIN(FLOOR(s.available / GREATEST(s.required_quantity, 1)))::int AS available,
            COALESCE(BOOL_AND(s.backorderable), false) AS backorderable
       FROM ${MEDUSA.product_variant} v
       LEFT JOIN item_stock s ON s.variant_id = v.id
      WHERE v.deleted_at IS NULL AND v.id IN (${placeholders(variantIds.length)})
      GROUP BY v.id, v.product_id, v.manage_inventory`,
    [salesChannelId, ...variantIds, ...variantIds]
  )
  return rows.map((row) => ({
    variant_id: row.variant_id,
    product_id: row.product_id,
    tracked: !!row.manage_inventory && Number(row.item_count) > 0,
    available: Math.max(Number(row.available ?? 0), 0),
    backorderable: !!row.backorderable,
  }))
}

/**
 * Every product of the catalog with whether any of its variants has stock
 * in the sales channel (untracked variants count as in stock). Set-based:
 * one pass over levels and links, no query per product, so it stays cheap
 * on large catalogs.
 */
export async function productStockInChannel(
  execute: Execute,
  salesChannelId: string,
  productIds?: string[]
): Promise<{ product_id: string; has_stock: boolean }[]> {
  const productFilter = productIds
    ? `AND p.id IN (${placeholders(productIds.length)})`
    : ""
  if (productIds && !productIds.length) {
    return []
  }
  const rows = await execute(
    `WITH channel_locations AS (${CHANNEL_LOCATIONS}),
          available AS (
            SELECT l.inventory_item_id,
                   SUM(GREATEST(${SELLABLE}, 0)) AS quantity
              FROM ${MEDUSA.inventory_level} l
              ${LEVEL_STOCK_ITEM}
             WHERE l.deleted_at IS NULL
               AND l.location_id IN (SELECT stock_location_id FROM channel_locations)
             GROUP BY l.inventory_item_id),
          short_variants AS (
            SELECT DISTINCT pvii.variant_id
              FROM ${MEDUSA.product_variant_inventory_item} pvii
              LEFT JOIN available a ON a.inventory_item_id = pvii.inventory_item_id
             WHERE pvii.deleted_at IS NULL
               AND COALESCE(a.quantity, 0) < GREATEST(pvii.required_quantity, 1)),
          stocked_products AS (
            SELECT DISTINCT v.product_id
              FROM ${MEDUSA.product_variant} v
             WHERE v.deleted_at IS NULL
               AND (NOT v.manage_inventory
                    OR NOT EXISTS (SELECT 1 FROM short_variants sv WHERE sv.variant_id = v.id)))
     SELECT p.id AS product_id,
            EXISTS (SELECT 1 FROM stocked_products sp WHERE sp.product_id = p.id) AS has_stock
       FROM ${MEDUSA.product} p
      WHERE p.deleted_at IS NULL ${productFilter}`,
    [salesChannelId, ...(productIds ?? [])]
  )
  return rows.map((row) => ({ product_id: row.product_id, has_stock: !!row.has_stock }))
}

/**
 * The storefront's view of variants in a sales channel under the store's
 * policy. With `track_inventory_levels` off every variant is untracked:
 * stock is treated as infinite.
 */
export async function listVariantStock(
  { manager, options }: ActionContext,
  salesChannelId: string,
  variantIds: string[]
): Promise<VariantStockRow[]> {
  const rows = await variantStockInChannel(
    (sql, params) => manager.execute(sql, params),
    salesChannelId,
    [...new Set(variantIds)]
  )
  if (options.track_inventory_levels) {
    return rows.map((row) => ({
      ...row,
      backorderable: row.tracked && options.allow_backorders && row.backorderable,
    }))
  }
  return rows.map((row) => ({ ...row, tracked: false, backorderable: false }))
}

/** Whether products have stock in a sales channel (all of them when `productIds` is omitted). */
export async function listProductStock(
  { manager, options }: ActionContext,
  salesChannelId: string,
  productIds?: string[]
): Promise<{ product_id: string; has_stock: boolean }[]> {
  const rows = await productStockInChannel(
    (sql, params) => manager.execute(sql, params),
    salesChannelId,
    productIds && [...new Set(productIds)]
  )
  return options.track_inventory_levels ? rows : rows.map((row) => ({ ...row, has_stock: true }))
}

/**
 * What a cart may not take under the store's policy, summing the lines of
 * each variant: a tracked variant short of stock is refused unless it is
 * backorderable in the cart's channel. Per line: the quantity, what stock
 * covers, and what would be backordered.
 */
export function checkCartLines(
  stockRows: VariantStockRow[],
  lines: CartStockLine[]
): {
  lines: (CartStockLine & { available: number; backordered: number })[]
  refused: CheckoutShortfall[]
} {
  const stock = new Map(stockRows.map((row) => [row.variant_id, row]))
  const remaining = new Map<string, number>()
  const requested = new Map<string, number>()
  const result = lines.map((line) => {
    const row = stock.get(line.variant_id)
    requested.set(line.variant_id, (requested.get(line.variant_id) ?? 0) + line.quantity)
    if (!row?.tracked) {
      return { ...line, available: line.quantity, backordered: 0 }
    }
    const left = remaining.get(line.variant_id) ?? row.available
    const covered = Math.min(line.quantity, left)
    remaining.set(line.variant_id, left - covered)
    return { ...line, available: covered, backordered: line.quantity - covered }
  })
  const refused: CheckoutShortfall[] = []
  for (const [variantId, quantity] of requested) {
    const row = stock.get(variantId)
    if (row?.tracked && quantity > row.available && !row.backorderable) {
      refused.push({ variant_id: variantId, requested: quantity, available: row.available })
    }
  }
  return { lines: result, refused }
}
