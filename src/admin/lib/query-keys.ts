/**
 * React-query keys per resource, shaped like the dashboard's
 * (`[resource, "list", query]`, `[resource, "detail", id]`) so a mutation
 * can invalidate a whole resource with `keys.all`.
 */
const queryKeysFor = <T extends string>(resource: T) => {
  const all = ["stockroom", resource] as const
  return {
    all,
    lists: () => [...all, "list"] as const,
    list: (query?: object) => [...all, "list", query ?? {}] as const,
    details: () => [...all, "detail"] as const,
    detail: (id: string) => [...all, "detail", id] as const,
  }
}

export const stockItemsQueryKeys = queryKeysFor("stock_items")
export const stockMovementsQueryKeys = queryKeysFor("stock_movements")
export const stockTransfersQueryKeys = queryKeysFor("stock_transfers")
export const stockLocationSettingsQueryKeys = queryKeysFor("stock_location_settings")
export const inventoryUnitsQueryKeys = queryKeysFor("inventory_units")
export const backordersQueryKeys = queryKeysFor("backorders")
export const returnAuthorizationsQueryKeys = queryKeysFor("return_authorizations")
export const stockroomQueryKeys = {
  info: ["stockroom", "info"] as const,
  audit: ["stockroom", "audit"] as const,
}
/** Medusa's own resources the widgets label rows with. */
export const labelsQueryKeys = {
  locations: (ids: string[]) => ["stockroom", "labels", "locations", ids] as const,
  allLocations: ["stockroom", "labels", "locations", "all"] as const,
  inventoryItems: (ids: string[]) =>
    ["stockroom", "labels", "inventory_items", ids] as const,
  users: (ids: string[]) => ["stockroom", "labels", "users", ids] as const,
  returnReasons: ["stockroom", "labels", "return_reasons"] as const,
}
/**
 * The dashboard's own keys: what a receipt changes on Medusa's order page, and
 * what the dashboard learns when the user signs in (the feature flags and the
 * user's permissions), read from its cache instead of asked for again.
 */
export const dashboardQueryKeys = {
  orders: ["orders"] as const,
  returns: ["returns"] as const,
  featureFlags: ["admin", "feature-flags"] as const,
  mePermissions: ["me-permissions"] as const,
}
export const purchaseOrdersQueryKeys = queryKeysFor("purchase_orders")
export const stockCountsQueryKeys = queryKeysFor("stock_counts")
