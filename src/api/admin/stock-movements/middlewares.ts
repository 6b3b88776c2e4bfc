import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listStockMovementsQueryConfig } from "./query-config"
import {
  AdminCreateStockMovement,
  AdminGetStockMovementsParams,
} from "./validators"
import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminStockMovementsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-movements",
    // A movement changes Medusa's inventory level as well as the ledger.
    policies: [
      needs(StockroomResource.stock_movement, "create"),
      needs(MedusaResource.inventory_level, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminCreateStockMovement)],
  },
  {
    method: ["GET"],
    matcher: "/admin/stock-movements",
    policies: [needs(StockroomResource.stock_movement, "read")],
    middlewares: [
      validateAndTransformQuery(
        AdminGetStockMovementsParams,
        listStockMovementsQueryConfig
      ),
    ],
  },
  requirePolicies(["GET"], "/admin/stock-movements/:id", [
    needs(StockroomResource.stock_movement, "read"),
  ]),
]
