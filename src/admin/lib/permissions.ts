import {
  MedusaResource,
  permissionKey,
  StockroomResource,
  type PolicyOperationName,
} from "../../lib/access-control"

const need = (resource: string, operation: PolicyOperationName) => permissionKey(resource, operation)

/**
 * What the dashboard lets a user do, each as the admin route it calls and the
 * policies that route declares (src/api/admin/**\/middlewares.ts; a unit spec
 * holds the two together). A user is offered an action only when they hold
 * every one of its policies, so the dashboard hides exactly what the server
 * would refuse with 403.
 */
export const STOCKROOM_ACTIONS = {
  viewStock: {
    route: "GET /admin/stock-items",
    needs: [need(StockroomResource.stock_item, "read")],
  },
  editStockItem: {
    route: "POST /admin/stock-items/:id",
    needs: [need(StockroomResource.stock_item, "update"), need(MedusaResource.product_variant, "update")],
  },
  viewMovements: {
    route: "GET /admin/stock-movements",
    needs: [need(StockroomResource.stock_movement, "read")],
  },
  moveStock: {
    route: "POST /admin/stock-movements",
    needs: [need(StockroomResource.stock_movement, "create"), need(MedusaResource.inventory_level, "update")],
  },
  viewTransfers: {
    route: "GET /admin/stock-transfers",
    needs: [need(StockroomResource.stock_transfer, "read")],
  },
  transferStock: {
    route: "POST /admin/stock-transfers",
    needs: [need(StockroomResource.stock_transfer, "create"), need(MedusaResource.inventory_level, "update")],
  },
  settleTransfer: {
    route: "POST /admin/stock-transfers/:id/receive",
    needs: [need(StockroomResource.stock_transfer, "update"), need(MedusaResource.inventory_level, "update")],
  },
  viewLocationSettings: {
    route: "GET /admin/stock-locations/:id/stockroom",
    needs: [need(StockroomResource.location_setting, "read")],
  },
  editLocationSettings: {
    route: "POST /admin/stock-locations/:id/stockroom",
    needs: [need(StockroomResource.location_setting, "update"), need(MedusaResource.inventory_level, "create")],
  },
  viewInventoryUnits: {
    route: "GET /admin/orders/:id/inventory-units",
    needs: [need(StockroomResource.inventory_unit, "read")],
  },
  viewBackorders: {
    route: "GET /admin/backorders",
    needs: [need(StockroomResource.inventory_unit, "read")],
  },
  viewReturnAuthorizations: {
    route: "GET /admin/return-authorizations",
    needs: [need(StockroomResource.return_authorization, "read")],
  },
  authorizeReturn: {
    route: "POST /admin/return-authorizations",
    needs: [need(StockroomResource.return_authorization, "create")],
  },
  receiveReturn: {
    route: "POST /admin/return-authorizations/:id/receive",
    needs: [
      need(StockroomResource.return_authorization, "update"),
      need(MedusaResource.return, "create"),
      need(MedusaResource.return, "update"),
      need(MedusaResource.order, "update"),
    ],
  },
  cancelReturn: {
    route: "POST /admin/return-authorizations/:id/cancel",
    needs: [need(StockroomResource.return_authorization, "update")],
  },
  viewPurchaseOrders: {
    route: "GET /admin/purchase-orders",
    needs: [need(StockroomResource.purchase_order, "read")],
  },
  createPurchaseOrder: {
    route: "POST /admin/purchase-orders",
    needs: [need(StockroomResource.purchase_order, "create")],
  },
  orderPurchaseOrder: {
    route: "POST /admin/purchase-orders/:id/order",
    needs: [need(StockroomResource.purchase_order, "update")],
  },
  receivePurchaseOrder: {
    route: "POST /admin/purchase-orders/:id/receive",
    needs: [need(StockroomResource.purchase_order, "update"), need(MedusaResource.inventory_level, "update")],
  },
  cancelPurchaseOrder: {
    route: "POST /admin/purchase-orders/:id/cancel",
    needs: [need(StockroomResource.purchase_order, "update")],
  },
  viewStockCounts: {
    route: "GET /admin/stock-counts",
    needs: [need(StockroomResource.stock_count, "read")],
  },
  openStockCount: {
    route: "POST /admin/stock-counts",
    needs: [need(StockroomResource.stock_count, "create")],
  },
  recordStockCount: {
    route: "POST /admin/stock-counts/:id/items",
    needs: [need(StockroomResource.stock_count, "update")],
  },
  applyStockCount: {
    route: "POST /admin/stock-counts/:id/apply",
    needs: [need(StockroomResource.stock_count, "update"), need(MedusaResource.inventory_level, "update")],
  },
  cancelStockCount: {
    route: "POST /admin/stock-counts/:id/cancel",
    needs: [need(StockroomResource.stock_count, "update")],
  },
  reallocateLine: {
    route: "POST /admin/orders/:id/inventory-units/reallocate",
    needs: [
      need(StockroomResource.inventory_unit, "update"),
      need(StockroomResource.stock_movement, "create"),
      need(MedusaResource.order, "update"),
      need(MedusaResource.reservation_item, "update"),
    ],
  },
  importStock: {
    route: "POST /admin/stock-levels/batch",
    needs: [need(StockroomResource.stock_movement, "create"), need(MedusaResource.inventory_level, "update")],
  },
  viewDemand: {
    route: "GET /admin/demand",
    needs: [need(StockroomResource.stock_subscription, "read"), need(StockroomResource.inventory_unit, "read")],
  },
  viewNotifications: {
    route: "GET /admin/stockroom/notifications",
    needs: [need(StockroomResource.stock_subscription, "read")],
  },
  viewSettings: {
    route: "GET /admin/stockroom",
    needs: [need(StockroomResource.stock_item, "read")],
  },
  runAudit: {
    route: "GET /admin/stockroom/audit",
    needs: [need(StockroomResource.audit, "read")],
  },
} as const satisfies Record<string, { route: string; needs: readonly string[] }>

export type StockroomAction = keyof typeof STOCKROOM_ACTIONS

/** What the signed-in user may do, as the dashboard learns it. */
export type PermissionState = {
  /** Medusa's `rbac` feature flag; off (or unknown after an error) allows everything. */
  rbacEnabled: boolean
  /** `resource:operation` keys from `GET /admin/rbac/me/permissions`. */
  permissions: readonly string[]
}

/**
 * The permissions an action needs that the user lacks: none with RBAC off.
 * A `resource:*` grant covers every operation, as in Medusa's dashboard.
 */
export function missingPermissions(state: PermissionState, action: StockroomAction): string[] {
  if (!state.rbacEnabled) {
    return []
  }
  const granted = new Set(state.permissions)
  return STOCKROOM_ACTIONS[action].needs.filter((key) => {
    const resource = key.slice(0, key.lastIndexOf(":"))
    return !granted.has(key) && !granted.has(`${resource}:*`) && !granted.has("*:*")
  })
}
