import { STOCK_ITEM_ORDER_FIELDS } from "../../../modules/stockroom/types"

/** What a stock item row carries: the stored columns, its live counts and what live checkout holds keep of it. */
export const defaultAdminStockItemFields = [
  "id",
  "inventory_item_id",
  "location_id",
  "backorderable",
  "low_stock_threshold",
  "safety_stock",
  "created_at",
  "updated_at",
  "on_hand",
  "allocated",
  "count_on_hand",
  "sellable",
  "backordered_quantity",
  "effective_low_stock_threshold",
  "low_stock",
  "incoming",
  "next_expected_at",
  "held",
]

/** The fields `listStockItemsWithCounts` sorts by. */
export const orderableAdminStockItemFields: readonly string[] = STOCK_ITEM_ORDER_FIELDS

export const listStockItemsQueryConfig = {
  defaults: defaultAdminStockItemFields,
  allowed: defaultAdminStockItemFields,
  isList: true,
}
