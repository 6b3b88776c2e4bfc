import {
  MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { AdminUpdateStockLocationSetting } from "./validators"
import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminStockLocationSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-locations/:id/stockroom",
    // Switching propagate_all_variants on opens Medusa levels at the location.
    policies: [
      needs(StockroomResource.location_setting, "update"),
      needs(MedusaResource.inventory_level, "create"),
    ],
    middlewares: [validateAndTransformBody(AdminUpdateStockLocationSetting)],
  },
  requirePolicies(["GET"], "/admin/stock-locations/:id/stockroom", [
    needs(StockroomResource.location_setting, "read"),
  ]),
]
