import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { retrieveStockTransfer } from "../helpers"

/** GET /admin/stock-transfers/:id — the transfer, its items and its movements. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  res.json({ stock_transfer: await retrieveStockTransfer(req.scope, req.params.id) })
}
