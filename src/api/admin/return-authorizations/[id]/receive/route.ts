import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { receiveReturnAuthorizationWorkflow } from "../../../../../workflows/receive-return-authorization"
import { retrieveReturnAuthorization } from "../../helpers"

/**
 * POST /admin/return-authorizations/:id/receive — the goods are back:
 * Medusa's return is received, stock restocked, the order credited.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await receiveReturnAuthorizationWorkflow(req.scope).run({
    input: { id: req.params.id, received_by: req.auth_context.actor_id },
  })
  res.json({
    return_authorization: await retrieveReturnAuthorization(req.scope, req.params.id),
  })
}
