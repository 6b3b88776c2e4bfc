/** What a stock item row carries: the stored columns and its live counts. */
export const defaultAdminStockItemFields = [
  "id",
  "inventory_item_id",
  "location_id",
  "backorderable",
  "low_stock_threshold",
  "created_at",
  "updated_at",
  "on_hand",
  "allocated",
  "count_on_hand",
  "backordered_quantity",
  "effective_low_stock_threshold",
  "low_stock",
]

/** The fields `listStockItemsWithCounts` sorts by. */
export const orderableAdminStockItemFields = [
  "created_at",
  "updated_at",
  "count_on_hand",
  "on_hand",
  "location_id",
  "inventory_item_id",
  "id",
]

export const listStockItemsQueryConfig = {
  defaults: defaultAdminStockItemFields,
  allowed: defaultAdminStockItemFields,
  isList: true,
}
