import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { receivePurchaseOrderWorkflow } from "../../../../../workflows/incoming/receive-purchase-order"
import { retrievePurchaseOrder } from "../../helpers"
import type { AdminReceivePurchaseOrderType } from "../../validators"

/** POST /admin/purchase-orders/:id/receive — one receipt: accepted goods are booked, rejects recorded. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReceivePurchaseOrderType>,
  res: MedusaResponse
) => {
  await receivePurchaseOrderWorkflow(req.scope).run({
    input: { ...req.validatedBody, id: req.params.id, received_by: req.auth_context.actor_id },
  })
  res.json({ purchase_order: await retrievePurchaseOrder(req.scope, req.params.id) })
}
