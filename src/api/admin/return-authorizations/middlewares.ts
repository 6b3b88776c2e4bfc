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
import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs, requirePolicies } from "../access"

export const adminReturnAuthorizationsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/return-authorizations",
    policies: [needs(StockroomResource.return_authorization, "create")],
    middlewares: [validateAndTransformBody(AdminCreateReturnAuthorization)],
  },
  {
    method: ["GET"],
    matcher: "/admin/return-authorizations",
    policies: [needs(StockroomResource.return_authorization, "read")],
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
    // Receiving drives Medusa's return (created and received) and credits the order.
    policies: [
      needs(StockroomResource.return_authorization, "update"),
      needs(MedusaResource.return, "create"),
      needs(MedusaResource.return, "update"),
      needs(MedusaResource.order, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminReturnAuthorizationAction)],
  },
  {
    method: ["POST"],
    matcher: "/admin/return-authorizations/:id/cancel",
    policies: [needs(StockroomResource.return_authorization, "update")],
    middlewares: [validateAndTransformBody(AdminReturnAuthorizationAction)],
  },
  requirePolicies(["GET"], "/admin/return-authorizations/:id", [
    needs(StockroomResource.return_authorization, "read"),
  ]),
]
