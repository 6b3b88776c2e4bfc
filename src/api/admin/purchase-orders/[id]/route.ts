import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updatePurchaseOrderWorkflow } from "../../../../workflows/incoming/update-purchase-order"
import { retrievePurchaseOrder } from "../helpers"
import type { AdminUpdatePurchaseOrderType } from "../validators"

/** GET /admin/purchase-orders/:id — the order, its items, receipts and movements. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ purchase_order: await retrievePurchaseOrder(req.scope, req.params.id) })
}

/** POST /admin/purchase-orders/:id — edit: items only while draft; date, note and reference while ordered. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdatePurchaseOrderType>,
  res: MedusaResponse
) => {
  const current = await retrievePurchaseOrder(req.scope, req.params.id)
  const body = req.validatedBody
  // A draft moved to another location keeps its items, resolved (and stocked) there.
  const items =
    body.items ??
    (body.location_id && body.location_id !== current.location_id
      ? (current.items ?? []).map((item) => ({
          inventory_item_id: item.inventory_item_id,
          quantity: item.quantity,
          unit_cost: item.unit_cost,
        }))
      : undefined)
  await updatePurchaseOrderWorkflow(req.scope).run({
    input: {
      ...body,
      items,
      id: current.id,
      resolved_location_id: req.validatedBody.location_id ?? current.location_id,
    },
  })
  res.json({ purchase_order: await retrievePurchaseOrder(req.scope, current.id) })
}
