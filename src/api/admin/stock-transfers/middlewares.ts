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

export const adminStockTransfersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-transfers",
    middlewares: [validateAndTransformBody(AdminCreateStockTransfer)],
  },
  {
    method: ["GET"],
    matcher: "/admin/stock-transfers",
    middlewares: [
      validateAndTransformQuery(
        AdminGetStockTransfersParams,
        listStockTransfersQueryConfig
      ),
    ],
  },
]
