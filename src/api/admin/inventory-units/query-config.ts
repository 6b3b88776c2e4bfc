/** What an inventory unit row carries. */
export const defaultAdminInventoryUnitFields = [
  "id",
  "order_id",
  "line_item_id",
  "variant_id",
  "inventory_item_id",
  "location_id",
  "state",
  "quantity",
  "fulfillment_id",
  "shipped_at",
  "return_id",
  "return_authorization_id",
  "ordered_at",
  "created_at",
  "updated_at",
]

/** The fields units sort by; ties go by `id`. */
export const orderableAdminInventoryUnitFields = [
  "ordered_at",
  "created_at",
  "updated_at",
  "shipped_at",
  "state",
  "quantity",
  "order_id",
  "line_item_id",
  "location_id",
  "id",
]

export const listInventoryUnitsQueryConfig = {
  defaults: defaultAdminInventoryUnitFields,
  allowed: defaultAdminInventoryUnitFields,
  isList: true,
}

/** A backordered unit also carries its order and variant. */
export const defaultAdminBackorderFields = [
  ...defaultAdminInventoryUnitFields,
  "order",
  "variant",
  "expected_at",
  "queue_position",
]

/** The queue sorts by when units were ordered (the fill order) or by size. */
export const orderableAdminBackorderFields = ["ordered_at", "created_at", "quantity", "id"]

export const listBackordersQueryConfig = {
  defaults: defaultAdminBackorderFields,
  allowed: defaultAdminBackorderFields,
  isList: true,
}
