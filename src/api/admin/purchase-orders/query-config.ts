/** What a purchase order row carries: its columns and its items. */
export const defaultAdminPurchaseOrderFields = [
  "id",
  "number",
  "supplier",
  "reference",
  "location_id",
  "state",
  "expected_at",
  "note",
  "currency_code",
  "created_by",
  "ordered_at",
  "closed_at",
  "created_at",
  "updated_at",
  "items",
]

/** The fields purchase orders sort by; ties go by `id`, the same way. */
export const orderableAdminPurchaseOrderFields = [
  "created_at",
  "updated_at",
  "number",
  "supplier",
  "state",
  "expected_at",
  "id",
]

export const listPurchaseOrdersQueryConfig = {
  defaults: defaultAdminPurchaseOrderFields,
  allowed: defaultAdminPurchaseOrderFields,
  isList: true,
}
