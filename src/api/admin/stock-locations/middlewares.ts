import {
  MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { AdminUpdateStockLocationSetting } from "./validators"

export const adminStockLocationSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-locations/:id/stockroom",
    middlewares: [validateAndTransformBody(AdminUpdateStockLocationSetting)],
  },
]
