import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { createStockMovementWorkflow } from "../../../workflows/create-stock-movement"
import { listOrderOf, withSelectedFields } from "../../list-query"
import { listStockMovements } from "./helpers"
import { orderableAdminStockMovementFields } from "./query-config"
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

/** GET /admin/stock-movements — the ledger, newest first unless `order` says otherwise. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockMovementsParamsType>,
  res: MedusaResponse
) => {
  const { skip, take } = req.queryConfig.pagination
  const { movements, count } = await listStockMovements(
    req.scope,
    req.validatedQuery as AdminGetStockMovementsParamsType,
    { skip, take: take!, order: listOrderOf(req, orderableAdminStockMovementFields) }
  )
  res.json({
    stock_movements: withSelectedFields(req, movements),
    count,
    offset: skip,
    limit: take,
  })
}
