import {
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { AdminExportStockMovementsParams } from "../validators"

export const adminStockMovementsExportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/stock-movements/export",
    middlewares: [
      // No paging: the export streams every matching movement itself.
      validateAndTransformQuery(AdminExportStockMovementsParams, {
        defaults: [],
        isList: false,
      }),
    ],
  },
]
