import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelPurchaseOrderWorkflow } from "../../../../../workflows/incoming/cancel-purchase-order"
import { retrievePurchaseOrder } from "../../helpers"

/** POST /admin/purchase-orders/:id/cancel — what was received stays; nothing is outstanding after. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await cancelPurchaseOrderWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ purchase_order: await retrievePurchaseOrder(req.scope, req.params.id) })
}
