import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../modules/stockroom/types"

/** GET /admin/stockroom/audit — checks the ledger invariants. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  res.json(await stockroom.audit())
}
