import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listStockTransfersQueryConfig } from "./query-config"
import {
  AdminCreateStockTransfer,
  AdminGetStockTransfersParams,
} from "./validators"
import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminStockTransfersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-transfers",
    // A transfer changes Medusa's inventory levels at both locations.
    policies: [
      needs(StockroomResource.stock_transfer, "create"),
      needs(MedusaResource.inventory_level, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminCreateStockTransfer)],
  },
  {
    method: ["GET"],
    matcher: "/admin/stock-transfers",
    policies: [needs(StockroomResource.stock_transfer, "read")],
    middlewares: [
      validateAndTransformQuery(
        AdminGetStockTransfersParams,
        listStockTransfersQueryConfig
      ),
    ],
  },
  requirePolicies(["GET"], "/admin/stock-transfers/:id", [
    needs(StockroomResource.stock_transfer, "read"),
  ]),
]
