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
import { StockroomResource } from "../../../lib/access-control"
import { needs } from "../access"

export const adminInventoryUnitsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/inventory-units",
    policies: [needs(StockroomResource.inventory_unit, "read")],
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
    policies: [needs(StockroomResource.inventory_unit, "read")],
    middlewares: [
      validateAndTransformQuery(AdminGetBackordersParams, listBackordersQueryConfig),
    ],
  },
]
