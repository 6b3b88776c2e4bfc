import {
  authenticate,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  StoreGetCartStockShortfallParams,
  StoreGetOrderBackordersParams,
  StoreGetStockAvailabilityParams,
  StorePostCartStockHold,
} from "./validators"
import { hideZeroStockProducts } from "./products/hide-zero-stock-products"

export const storeStockroomMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/stock-availability",
    middlewares: [validateAndTransformQuery(StoreGetStockAvailabilityParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/carts/:id/stock-shortfall",
    middlewares: [validateAndTransformQuery(StoreGetCartStockShortfallParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/orders/:id/backorders",
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      validateAndTransformQuery(StoreGetOrderBackordersParams, {}),
    ],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/stock-hold",
    middlewares: [validateAndTransformBody(StorePostCartStockHold)],
  },
  {
    method: ["GET"],
    matcher: "/store/products",
    middlewares: [hideZeroStockProducts],
  },
]
