/**
 * Every table and column of Medusa's own schema that Stockroom's SQL reads
 * or writes: the checklist for a Medusa upgrade. A test compares it with a
 * freshly migrated store, and another finds no SQL elsewhere that names one
 * of these tables except through `MEDUSA` below. Everything else of
 * Medusa's is reached through its modules and `query.graph`.
 */
export const MEDUSA_COLUMNS = {
  // Stockroom's counts live here; the ledger is the only writer it adds.
  inventory_level: [
    "id",
    "inventory_item_id",
    "location_id",
    "stocked_quantity",
    "raw_stocked_quantity",
    "reserved_quantity",
    "updated_at",
    "deleted_at",
  ],
  inventory_item: ["id", "sku", "title"],
  product: ["id", "deleted_at"],
  product_variant: ["id", "product_id", "manage_inventory", "allow_backorder", "deleted_at"],
  product_variant_inventory_item: ["variant_id", "inventory_item_id", "required_quantity", "deleted_at"],
  sales_channel_stock_location: ["sales_channel_id", "stock_location_id", "deleted_at"],
  stock_location: ["id", "name", "deleted_at"],
  // An order's items are versioned: the live rows carry the order's version.
  order: ["id", "status", "version", "deleted_at"],
  order_item: ["order_id", "item_id", "quantity", "version", "deleted_at"],
  // A completed cart's hold stops counting: its reservation has taken over.
  cart: ["id", "completed_at"],
} as const

export type MedusaTable = keyof typeof MEDUSA_COLUMNS

/** Medusa's table names as SQL identifiers (`order` is a reserved word). */
export const MEDUSA: { readonly [table in MedusaTable]: string } = {
  inventory_level: "inventory_level",
  inventory_item: "inventory_item",
  product: "product",
  product_variant: "product_variant",
  product_variant_inventory_item: "product_variant_inventory_item",
  sales_channel_stock_location: "sales_channel_stock_location",
  stock_location: "stock_location",
  order: '"order"',
  order_item: "order_item",
  cart: "cart",
}
