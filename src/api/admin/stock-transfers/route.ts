import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createStockTransferWorkflow } from "../../../workflows/create-stock-transfer"
import { listStockTransfers } from "./helpers"
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

/** GET /admin/stock-transfers — newest first, with their items. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockTransfersParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetStockTransfersParamsType
  const { transfers, count } = await listStockTransfers(req.scope, params)
  res.json({
    stock_transfers: transfers,
    count,
    offset: params.offset,
    limit: params.limit,
  })
}
