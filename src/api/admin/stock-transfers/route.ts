import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createStockTransferWorkflow } from "../../../workflows/create-stock-transfer"
import { listOrderOf, withSelectedFields } from "../../list-query"
import { listStockTransfers } from "./helpers"
import { orderableAdminStockTransferFields } from "./query-config"
import type {
  AdminCreateStockTransferType,
  AdminGetStockTransfersParamsType,
} from "./validators"

/** POST /admin/stock-transfers — move stock between locations, or receive it. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateStockTransferType>,
  res: MedusaResponse
) => {
  const { result } = await createStockTransferWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(200).json({ stock_transfer: result })
}

/** GET /admin/stock-transfers — newest first unless `order` says otherwise, with their items. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockTransfersParamsType>,
  res: MedusaResponse
) => {
  const { skip, take } = req.queryConfig.pagination
  const { transfers, count } = await listStockTransfers(
    req.scope,
    req.validatedQuery as AdminGetStockTransfersParamsType,
    { skip, take: take!, order: listOrderOf(req, orderableAdminStockTransferFields) }
  )
  res.json({
    stock_transfers: withSelectedFields(req, transfers),
    count,
    offset: skip,
    limit: take,
  })
}
