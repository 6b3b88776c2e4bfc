export const defaultAdminStockCountFields = [
  "id",
  "number",
  "location_id",
  "state",
  "created_by",
  "applied_by",
  "applied_at",
  "canceled_at",
  "created_at",
  "updated_at",
  "items",
]

export const orderableAdminStockCountFields = ["created_at", "number", "state", "id"]

export const listStockCountsQueryConfig = {
  defaults: defaultAdminStockCountFields,
  allowed: defaultAdminStockCountFields,
  isList: true,
}
