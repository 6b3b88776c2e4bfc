import type { MiddlewareRoute } from "@medusajs/framework/http"
import { StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminStockroomMiddlewares: MiddlewareRoute[] = [
  // The effective options are what the stock screens are drawn with.
  requirePolicies(["GET"], "/admin/stockroom", [needs(StockroomResource.stock_item, "read")]),
  requirePolicies(["GET"], "/admin/stockroom/audit", [needs(StockroomResource.audit, "read")]),
]
