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

import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminPurchaseOrdersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders",
    policies: [needs(StockroomResource.purchase_order, "create")],
    middlewares: [validateAndTransformBody(AdminCreatePurchaseOrder)],
  },
  {
    method: ["GET"],
    matcher: "/admin/purchase-orders",
    policies: [needs(StockroomResource.purchase_order, "read")],
    middlewares: [validateAndTransformQuery(AdminGetPurchaseOrdersParams, listPurchaseOrdersQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id",
    policies: [needs(StockroomResource.purchase_order, "update")],
    middlewares: [validateAndTransformBody(AdminUpdatePurchaseOrder)],
  },
  requirePolicies(["GET"], "/admin/purchase-orders/:id", [
    needs(StockroomResource.purchase_order, "read"),
  ]),
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/order",
    policies: [needs(StockroomResource.purchase_order, "update")],
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/receive",
    // A receipt books `received` movements: Medusa's levels go up.
    policies: [
      needs(StockroomResource.purchase_order, "update"),
      needs(MedusaResource.inventory_level, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminReceivePurchaseOrder)],
  },
  {
    method: ["POST"],
    matcher: "/admin/purchase-orders/:id/cancel",
    policies: [needs(StockroomResource.purchase_order, "update")],
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-transfers/:id/receive",
    policies: [
      needs(StockroomResource.stock_transfer, "update"),
      needs(MedusaResource.inventory_level, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminReceiveStockTransfer)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-transfers/:id/cancel",
    policies: [
      needs(StockroomResource.stock_transfer, "update"),
      needs(MedusaResource.inventory_level, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
]
