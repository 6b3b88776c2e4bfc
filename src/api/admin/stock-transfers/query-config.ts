/** What a transfer row carries: its columns and its items. */
export const defaultAdminStockTransferFields = [
  "id",
  "reference",
  "source_location_id",
  "destination_location_id",
  "created_by",
  "state",
  "expected_at",
  "received_at",
  "canceled_at",
  "created_at",
  "updated_at",
  "items",
]

/** The fields transfers sort by; ties go by `id`, the same way. */
export const orderableAdminStockTransferFields = ["created_at", "updated_at", "reference", "id"]

export const listStockTransfersQueryConfig = {
  defaults: defaultAdminStockTransferFields,
  allowed: defaultAdminStockTransferFields,
  isList: true,
}
