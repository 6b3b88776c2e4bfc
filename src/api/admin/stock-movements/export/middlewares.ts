import {
  MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listStockMovementsQueryConfig } from "../query-config"
import { AdminExportStockMovementsParams } from "../validators"
import { StockroomResource } from "../../../../lib/access-control"
import { needs } from "../../access"

export const adminStockMovementsExportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/stock-movements/export",
    policies: [needs(StockroomResource.stock_movement, "read")],
    middlewares: [
      // The list's config for `order` and `fields`; the schema takes no
      // paging, since the export streams every matching movement itself.
      validateAndTransformQuery(
        AdminExportStockMovementsParams,
        listStockMovementsQueryConfig
      ),
    ],
  },
]
