import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listPurchaseOrdersQueryConfig } from "./query-config"
import {
  AdminCreatePurchaseOrder,
  AdminEmptyBody,
  AdminGetPurchaseOrdersParams,
  AdminReceivePurchaseOrder,
  AdminReceiveStockTransfer,
  AdminUpdatePurchaseOrder,
} from "./validators"

export const adminPurchaseOrdersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders",
    middlewares: [validateAndTransformBody(AdminCreatePurchaseOrder)],
  },
  {
    method: ["GET"],
    matcher: "/admin/purchase-orders",
    middlewares: [validateAndTransformQuery(AdminGetPurchaseOrdersParams, listPurchaseOrdersQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id",
    middlewares: [validateAndTransformBody(AdminUpdatePurchaseOrder)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/order",
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/receive",
    middlewares: [validateAndTransformBody(AdminReceivePurchaseOrder)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/cancel",
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-transfers/:id/receive",
    middlewares: [validateAndTransformBody(AdminReceiveStockTransfer)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-transfers/:id/cancel",
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
]
