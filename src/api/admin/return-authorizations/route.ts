import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createReturnAuthorizationWorkflow } from "../../../workflows/create-return-authorization"
import { listReturnAuthorizations, retrieveReturnAuthorization } from "./helpers"
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

/** GET /admin/return-authorizations — newest first, with their items. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetReturnAuthorizationsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetReturnAuthorizationsParamsType
  const { return_authorizations, count } = await listReturnAuthorizations(req.scope, params)
  res.json({ return_authorizations, count, offset: params.offset, limit: params.limit })
}
