import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { cancelReturnAuthorizationWorkflow } from "../../../../../workflows/cancel-return-authorization"
import { retrieveReturnAuthorization } from "../../helpers"

/** POST /admin/return-authorizations/:id/cancel — only while authorized. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await cancelReturnAuthorizationWorkflow(req.scope).run({
    input: { id: req.params.id, canceled_by: req.auth_context.actor_id },
  })
  res.json({
    return_authorization: await retrieveReturnAuthorization(req.scope, req.params.id),
  })
}
