import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listStockItemsQueryConfig } from "./query-config"
import { AdminGetStockItemsParams, AdminUpdateStockItem } from "./validators"

export const adminStockItemsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/stock-items",
    middlewares: [
      validateAndTransformQuery(AdminGetStockItemsParams, listStockItemsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-items/:id",
    middlewares: [validateAndTransformBody(AdminUpdateStockItem)],
  },
]
