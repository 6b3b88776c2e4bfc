import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createStockMovementBatchWorkflow } from "../../../../workflows/create-stock-movement-batch"
import type { AdminCreateStockMovementBatchType } from "./validators"

/**
 * POST /admin/stock-movements/batch — up to 10,000 movements, all or
 * nothing; a refused batch names every bad row by index.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateStockMovementBatchType>,
  res: MedusaResponse
) => {
  const { result } = await createStockMovementBatchWorkflow(req.scope).run({
    input: { movements: req.validatedBody.movements, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json(result)
}
