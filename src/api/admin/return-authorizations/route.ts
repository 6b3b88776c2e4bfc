import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createReturnAuthorizationWorkflow } from "../../../workflows/create-return-authorization"
import { listOrderOf, withSelectedFields } from "../../list-query"
import { listReturnAuthorizations, retrieveReturnAuthorization } from "./helpers"
import { orderableAdminReturnAuthorizationFields } from "./query-config"
import type {
  AdminCreateReturnAuthorizationType,
  AdminGetReturnAuthorizationsParamsType,
} from "./validators"

/** POST /admin/return-authorizations — authorize the return of shipped units. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateReturnAuthorizationType>,
  res: MedusaResponse
) => {
  const { result } = await createReturnAuthorizationWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(200).json({
    return_authorization: await retrieveReturnAuthorization(req.scope, result.id),
  })
}

/** GET /admin/return-authorizations — newest first unless `order` says otherwise, with their items. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetReturnAuthorizationsParamsType>,
  res: MedusaResponse
) => {
  const { skip, take } = req.queryConfig.pagination
  const { return_authorizations, count } = await listReturnAuthorizations(
    req.scope,
    req.validatedQuery as AdminGetReturnAuthorizationsParamsType,
    { skip, take: take!, order: listOrderOf(req, orderableAdminReturnAuthorizationFields) }
  )
  res.json({
    return_authorizations: withSelectedFields(req, return_authorizations),
    count,
    offset: skip,
    limit: take,
  })
}
