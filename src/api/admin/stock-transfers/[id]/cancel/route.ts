import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelStockTransferWorkflow } from "../../../../../workflows/incoming/cancel-stock-transfer"
import { retrieveStockTransfer } from "../../helpers"

/** POST /admin/stock-transfers/:id/cancel — a transfer in transit goes back to its source. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await cancelStockTransferWorkflow(req.scope).run({
    input: { id: req.params.id, canceled_by: req.auth_context.actor_id },
  })
  res.json({ stock_transfer: await retrieveStockTransfer(req.scope, req.params.id) })
}
