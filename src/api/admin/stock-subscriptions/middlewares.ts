import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminGetDemandParams,
  AdminGetNotificationStatusParams,
  AdminGetStockSubscriptionsParams,
} from "./validators"

export const adminStockSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/stock-subscriptions",
    middlewares: [validateAndTransformQuery(AdminGetStockSubscriptionsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/demand",
    middlewares: [validateAndTransformQuery(AdminGetDemandParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/stockroom/notifications",
    middlewares: [validateAndTransformQuery(AdminGetNotificationStatusParams, {})],
  },
]
