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

export const adminStockMovementsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-movements",
    middlewares: [validateAndTransformBody(AdminCreateStockMovement)],
  },
  {
    method: ["GET"],
    matcher: "/admin/stock-movements",
    middlewares: [
      validateAndTransformQuery(
        AdminGetStockMovementsParams,
        listStockMovementsQueryConfig
      ),
    ],
  },
]
