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

export const adminStockCountsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-counts",
    middlewares: [validateAndTransformBody(AdminOpenStockCount)],
  },
  {
    method: ["GET"],
    matcher: "/admin/stock-counts",
    middlewares: [validateAndTransformQuery(AdminGetStockCountsParams, listStockCountsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-counts/:id/items",
    middlewares: [validateAndTransformBody(AdminRecordStockCount)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-counts/:id/apply",
    middlewares: [validateAndTransformBody(AdminStockCountAction)],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-counts/:id/cancel",
    middlewares: [validateAndTransformBody(AdminStockCountAction)],
  },
]
