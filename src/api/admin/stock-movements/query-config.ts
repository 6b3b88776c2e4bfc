import { STOCK_MOVEMENT_COLUMNS } from "../../../modules/stockroom/types"

/** What a movement row carries: its stored columns, `created_at` second. */
export const defaultAdminStockMovementFields = [
  "id",
  "created_at",
  ...STOCK_MOVEMENT_COLUMNS.slice(1),
]

/** The fields the ledger sorts by; ties go by `sequence`, then `id`, the same way. */
export const orderableAdminStockMovementFields = [
  "created_at",
  "sequence",
  "quantity",
  "kind",
  "stock_item_id",
  "inventory_item_id",
  "location_id",
  "id",
]

/** The list and the CSV export select and sort movements alike. */
export const listStockMovementsQueryConfig = {
  defaults: defaultAdminStockMovementFields,
  allowed: defaultAdminStockMovementFields,
  isList: true,
}
