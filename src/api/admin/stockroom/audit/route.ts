import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE } from "../../../../modules/stockroom/types"
import type StockroomModuleService from "../../../../modules/stockroom/service"

/** GET /admin/stockroom/audit — checks the ledger invariants. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  res.json(await stockroom.audit())
}
