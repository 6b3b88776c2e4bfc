import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { applyStockCountWorkflow } from "../../../../../workflows/apply-stock-count"
import { retrieveStockCount } from "../../helpers"

/** POST /admin/stock-counts/:id/apply — book every counted difference in one transaction. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await applyStockCountWorkflow(req.scope).run({
    input: { id: req.params.id, actor_id: req.auth_context.actor_id },
  })
  res.json({ stock_count: await retrieveStockCount(req.scope, req.params.id) })
}
