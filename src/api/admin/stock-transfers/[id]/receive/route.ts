import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receiveStockTransferWorkflow } from "../../../../../workflows/incoming/receive-stock-transfer"
import type { AdminReceiveStockTransferType } from "../../../purchase-orders/validators"
import { retrieveStockTransfer } from "../../helpers"

/** POST /admin/stock-transfers/:id/receive — a transfer in transit arrives (default: all accepted). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReceiveStockTransferType>,
  res: MedusaResponse
) => {
  await receiveStockTransferWorkflow(req.scope).run({
    input: { id: req.params.id, items: req.validatedBody.items, received_by: req.auth_context.actor_id },
  })
  res.json({ stock_transfer: await retrieveStockTransfer(req.scope, req.params.id) })
}
