import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPurchaseOrderWorkflow } from "../../../workflows/incoming/create-purchase-order"
import { listOrderOf, withSelectedFields } from "../../list-query"
import { listPurchaseOrders, retrievePurchaseOrder } from "./helpers"
import { orderableAdminPurchaseOrderFields } from "./query-config"
import type { AdminCreatePurchaseOrderType, AdminGetPurchaseOrdersParamsType } from "./validators"

/** POST /admin/purchase-orders — a draft purchase order, or an ordered one with `ordered: true`. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreatePurchaseOrderType>,
  res: MedusaResponse
) => {
  const { result: id } = await createPurchaseOrderWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(200).json({ purchase_order: await retrievePurchaseOrder(req.scope, id) })
}

/** GET /admin/purchase-orders — newest first unless `order` says otherwise, with their items. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetPurchaseOrdersParamsType>,
  res: MedusaResponse
) => {
  const { skip, take } = req.queryConfig.pagination
  const { purchase_orders, count } = await listPurchaseOrders(
    req.scope,
    req.validatedQuery as AdminGetPurchaseOrdersParamsType,
    { skip, take: take!, order: listOrderOf(req, orderableAdminPurchaseOrderFields) }
  )
  res.json({ purchase_orders: withSelectedFields(req, purchase_orders), count, offset: skip, limit: take })
}
