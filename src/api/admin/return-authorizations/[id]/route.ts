import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { retrieveReturnAuthorization } from "../helpers"

/** GET /admin/return-authorizations/:id — with its items, order and movements. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({
    return_authorization: await retrieveReturnAuthorization(req.scope, req.params.id),
  })
}
