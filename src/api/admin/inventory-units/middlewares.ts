import {
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  listBackordersQueryConfig,
  listInventoryUnitsQueryConfig,
} from "./query-config"
import {
  AdminGetBackordersParams,
  AdminGetInventoryUnitsParams,
} from "./validators"

export const adminInventoryUnitsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/inventory-units",
    middlewares: [
      validateAndTransformQuery(
        AdminGetInventoryUnitsParams,
        listInventoryUnitsQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/backorders",
    middlewares: [
      validateAndTransformQuery(AdminGetBackordersParams, listBackordersQueryConfig),
    ],
  },
]
