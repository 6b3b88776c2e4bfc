/**
 * Stockroom's access-control resources and the operations each one takes.
 * Plain values with no imports, so the server (policies, route middlewares)
 * and the admin bundle (permission checks) share the same names.
 */

export const StockroomResource = {
  stock_item: "stockroom_stock_item",
  stock_movement: "stockroom_stock_movement",
  stock_transfer: "stockroom_stock_transfer",
  inventory_unit: "stockroom_inventory_unit",
  return_authorization: "stockroom_return_authorization",
  location_setting: "stockroom_location_setting",
  audit: "stockroom_audit",
  purchase_order: "stockroom_purchase_order",
  stock_count: "stockroom_stock_count",
  checkout_hold: "stockroom_checkout_hold",
  stock_subscription: "stockroom_stock_subscription",
} as const

export type StockroomResourceName =
  (typeof StockroomResource)[keyof typeof StockroomResource]

export const POLICY_OPERATIONS = ["read", "create", "update", "delete"] as const
export type PolicyOperationName = (typeof POLICY_OPERATIONS)[number]

/** Medusa's own resources that some Stockroom actions also change. */
export const MedusaResource = {
  inventory_level: "inventory_level",
  product_variant: "product_variant",
  order: "order",
  return: "return",
  reservation_item: "reservation_item",
} as const

/**
 * Which operations apply to which resource: the ledger is append-only
 * (movements are created, never edited; a transfer in transit is
 * updated when it is received or canceled; an order line's units are
 * updated when they move to another location), the audit is only read.
 */
export const STOCKROOM_RESOURCE_OPERATIONS: Record<
  StockroomResourceName,
  readonly PolicyOperationName[]
> = {
  [StockroomResource.stock_item]: ["read", "update"],
  [StockroomResource.stock_movement]: ["read", "create"],
  [StockroomResource.stock_transfer]: ["read", "create", "update"],
  [StockroomResource.inventory_unit]: ["read", "update"],
  [StockroomResource.return_authorization]: ["read", "create", "update"],
  [StockroomResource.location_setting]: ["read", "update"],
  [StockroomResource.audit]: ["read"],
  [StockroomResource.purchase_order]: ["read", "create", "update", "delete"],
  [StockroomResource.stock_count]: ["read", "create", "update", "delete"],
  [StockroomResource.checkout_hold]: ["read", "create", "update", "delete"],
  [StockroomResource.stock_subscription]: ["read", "create", "update", "delete"],
}

/** A permission as Medusa's `/admin/rbac/me/permissions` lists it. */
export const permissionKey = (resource: string, operation: PolicyOperationName) =>
  `${resource}:${operation}`
