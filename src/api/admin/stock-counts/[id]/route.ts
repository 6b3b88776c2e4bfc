import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveStockCount } from "../helpers"

/** GET /admin/stock-counts/:id — the count with every item's expected, counted and difference. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ stock_count: await retrieveStockCount(req.scope, req.params.id) })
}
