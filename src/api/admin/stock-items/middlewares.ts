import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listStockItemsQueryConfig } from "./query-config"
import { AdminGetStockItemsParams, AdminUpdateStockItem } from "./validators"
import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminStockItemsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/stock-items",
    policies: [needs(StockroomResource.stock_item, "read")],
    middlewares: [
      validateAndTransformQuery(AdminGetStockItemsParams, listStockItemsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-items/:id",
    // The backorderable flag is mirrored onto Medusa's variants.
    policies: [
      needs(StockroomResource.stock_item, "update"),
      needs(MedusaResource.product_variant, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminUpdateStockItem)],
  },
  requirePolicies(["GET"], "/admin/stock-items/:id", [
    needs(StockroomResource.stock_item, "read"),
  ]),
]
