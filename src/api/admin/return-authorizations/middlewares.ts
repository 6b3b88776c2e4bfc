import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { listReturnAuthorizationsQueryConfig } from "./query-config"
import {
  AdminCreateReturnAuthorization,
  AdminGetReturnAuthorizationsParams,
  AdminReturnAuthorizationAction,
} from "./validators"

export const adminReturnAuthorizationsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/return-authorizations",
    middlewares: [validateAndTransformBody(AdminCreateReturnAuthorization)],
  },
  {
    method: ["GET"],
    matcher: "/admin/return-authorizations",
    middlewares: [
      validateAndTransformQuery(
        AdminGetReturnAuthorizationsParams,
        listReturnAuthorizationsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/return-authorizations/:id/receive",
    middlewares: [validateAndTransformBody(AdminReturnAuthorizationAction)],
  },
  {
    method: ["POST"],
    matcher: "/admin/return-authorizations/:id/cancel",
    middlewares: [validateAndTransformBody(AdminReturnAuthorizationAction)],
  },
]
