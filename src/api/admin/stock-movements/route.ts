import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createStockMovementWorkflow } from "../../../workflows/create-stock-movement"
import { listStockMovements } from "./helpers"
import type {
  AdminCreateStockMovementType,
  AdminGetStockMovementsParamsType,
} from "./validators"

/** POST /admin/stock-movements — record a manual movement. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateStockMovementType>,
  res: MedusaResponse
) => {
  const { result } = await createStockMovementWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json({ stock_movement: result })
}

/** GET /admin/stock-movements — the ledger, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockMovementsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetStockMovementsParamsType
  const { movements, count } = await listStockMovements(req.scope, params)
  res.json({
    stock_movements: movements,
    count,
    offset: params.offset,
    limit: params.limit,
  })
}
