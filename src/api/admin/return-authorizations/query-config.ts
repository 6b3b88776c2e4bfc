/** What a return authorization row carries: its columns, items and order. */
export const defaultAdminReturnAuthorizationFields = [
  "id",
  "number",
  "order_id",
  "state",
  "reason",
  "return_reason_id",
  "memo",
  "amount",
  "currency_code",
  "location_id",
  "return_id",
  "items_value",
  "created_by",
  "received_by",
  "canceled_by",
  "received_at",
  "canceled_at",
  "created_at",
  "updated_at",
  "items",
  "order",
]

/** The fields authorizations sort by; ties go by `id`, the same way. */
export const orderableAdminReturnAuthorizationFields = [
  "created_at",
  "updated_at",
  "number",
  "state",
  "received_at",
  "id",
]

export const listReturnAuthorizationsQueryConfig = {
  defaults: defaultAdminReturnAuthorizationFields,
  allowed: defaultAdminReturnAuthorizationFields,
  isList: true,
}
