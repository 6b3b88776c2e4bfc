import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminGetDemandParams,
  AdminGetNotificationStatusParams,
  AdminGetStockSubscriptionsParams,
} from "./validators"

import { StockroomResource } from "../../../lib/access-control"
import { needs } from "../access"

export const adminStockSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/stock-subscriptions",
    policies: [needs(StockroomResource.stock_subscription, "read")],
    middlewares: [validateAndTransformQuery(AdminGetStockSubscriptionsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/demand",
    // Waiting subscribers plus backordered units.
    policies: [
      needs(StockroomResource.stock_subscription, "read"),
      needs(StockroomResource.inventory_unit, "read"),
    ],
    middlewares: [validateAndTransformQuery(AdminGetDemandParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/stockroom/notifications",
    policies: [needs(StockroomResource.stock_subscription, "read")],
    middlewares: [validateAndTransformQuery(AdminGetNotificationStatusParams, {})],
  },
]
