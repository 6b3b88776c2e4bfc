import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { StoreCreateStockSubscription, StoreDeleteStockSubscriptionParams } from "./validators"

export const storeStockSubscriptionsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/stock-subscriptions",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreCreateStockSubscription),
    ],
  },
  {
    method: ["DELETE"],
    matcher: "/store/stock-subscriptions/:id",
    middlewares: [validateAndTransformQuery(StoreDeleteStockSubscriptionParams, {})],
  },
]
