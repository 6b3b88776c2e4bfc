import { placeholders } from "./ledger"

type Execute = (sql: string, params?: unknown[]) => Promise<any[]>

/**
 * What the storefront may know about a variant, counted over the stock
 * locations of one sales channel. For a kit, each inventory item is divided
 * by its required quantity and the scarcest one counts.
 */
export type VariantStockRow = {
  variant_id: string
  product_id: string
  /** false: untracked (manage_inventory off or no inventory item) — never short */
  tracked: boolean
  /** units sellable from stock: Σ max(stocked − reserved, 0) over the channel's locations */
  available: number
  /** every inventory item has a backorderable stock item at one of the channel's locations */
  backorderable: boolean
}

// The channel's locations, through Medusa's own sales channel ↔ location link.
const CHANNEL_LOCATIONS = `SELECT scl.stock_location_id
  FROM sales_channel_stock_location scl
 WHERE scl.sales_channel_id = ? AND scl.deleted_at IS NULL`

/** Per inventory item in the channel: its available count and whether it may be backordered. */
const ITEM_STOCK = `SELECT pvii.variant_id, pvii.inventory_item_id, pvii.required_quantity,
       COALESCE((SELECT SUM(GREATEST(l.stocked_quantity - l.reserved_quantity, 0))
                   FROM inventory_level l
                  WHERE l.inventory_item_id = pvii.inventory_item_id
                    AND l.deleted_at IS NULL
                    AND l.location_id IN (SELECT stock_location_id FROM channel_locations)), 0)
         AS available,
       EXISTS (SELECT 1 FROM stock_item si
                WHERE si.inventory_item_id = pvii.inventory_item_id
                  AND si.deleted_at IS NULL AND si.backorderable
                  AND si.location_id IN (SELECT stock_location_id FROM channel_locations))
         AS backorderable
  FROM product_variant_inventory_item pvii`

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
       FROM product_variant v
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
                   SUM(GREATEST(l.stocked_quantity - l.reserved_quantity, 0)) AS quantity
              FROM inventory_level l
             WHERE l.deleted_at IS NULL
               AND l.location_id IN (SELECT stock_location_id FROM channel_locations)
             GROUP BY l.inventory_item_id),
          short_variants AS (
            SELECT DISTINCT pvii.variant_id
              FROM product_variant_inventory_item pvii
              LEFT JOIN available a ON a.inventory_item_id = pvii.inventory_item_id
             WHERE pvii.deleted_at IS NULL
               AND COALESCE(a.quantity, 0) < GREATEST(pvii.required_quantity, 1)),
          stocked_products AS (
            SELECT DISTINCT v.product_id
              FROM product_variant v
             WHERE v.deleted_at IS NULL
               AND (NOT v.manage_inventory
                    OR NOT EXISTS (SELECT 1 FROM short_variants sv WHERE sv.variant_id = v.id)))
     SELECT p.id AS product_id,
            EXISTS (SELECT 1 FROM stocked_products sp WHERE sp.product_id = p.id) AS has_stock
       FROM product p
      WHERE p.deleted_at IS NULL ${productFilter}`,
    [salesChannelId, ...(productIds ?? [])]
  )
  return rows.map((row) => ({ product_id: row.product_id, has_stock: !!row.has_stock }))
}
