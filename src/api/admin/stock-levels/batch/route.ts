import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewStockLevelsWorkflow } from "../../../../workflows/preview-stock-levels"
import { setStockLevelsWorkflow } from "../../../../workflows/set-stock-levels"
import type { AdminSetStockLevelsType } from "../../stock-movements/batch/validators"

/**
 * POST /admin/stock-levels/batch — absolute physical on-hand levels, each
 * booked as one movement of the difference; with `preview: true`, the
 * differences it would book, nothing written.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetStockLevelsType>,
  res: MedusaResponse
) => {
  const { levels, reason_code, note, preview } = req.validatedBody
  if (preview) {
    const { result } = await previewStockLevelsWorkflow(req.scope).run({ input: { levels } })
    res.status(200).json({ preview: result })
    return
  }
  const { result } = await setStockLevelsWorkflow(req.scope).run({
    input: { levels, reason_code, note, actor_id: req.auth_context.actor_id },
  })
  res.status(200).json(result)
}
