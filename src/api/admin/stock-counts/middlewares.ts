import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listStockCountsQueryConfig } from "./query-config"
import {
  AdminGetStockCountsParams,
  AdminOpenStockCount,
  AdminRecordStockCount,
  AdminStockCountAction,
} from "./validators"

import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminStockCountsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-counts",
    policies: [needs(StockroomResource.stock_count, "create")],
    middlewares: [validateAndTransformBody(AdminOpenStockCount)],
  },
  {
    method: ["GET"],
    matcher: "/admin/stock-counts",
    policies: [needs(StockroomResource.stock_count, "read")],
    middlewares: [validateAndTransformQuery(AdminGetStockCountsParams, listStockCountsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-counts/:id/items",
    policies: [needs(StockroomResource.stock_count, "update")],
    middlewares: [validateAndTransformBody(AdminRecordStockCount)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-counts/:id/apply",
    // Applying books the differences: Medusa's levels change.
    policies: [
      needs(StockroomResource.stock_count, "update"),
      needs(MedusaResource.inventory_level, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminStockCountAction)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-counts/:id/cancel",
    policies: [needs(StockroomResource.stock_count, "update")],
    middlewares: [validateAndTransformBody(AdminStockCountAction)],
  },
  requirePolicies(["GET"], "/admin/stock-counts/:id", [
    needs(StockroomResource.stock_count, "read"),
  ]),
]
