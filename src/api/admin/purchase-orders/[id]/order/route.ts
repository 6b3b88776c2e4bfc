import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderPurchaseOrderWorkflow } from "../../../../../workflows/incoming/order-purchase-order"
import { retrievePurchaseOrder } from "../../helpers"

/** POST /admin/purchase-orders/:id/order — a draft is placed with its supplier. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await orderPurchaseOrderWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ purchase_order: await retrievePurchaseOrder(req.scope, req.params.id) })
}
