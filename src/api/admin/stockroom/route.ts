import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE } from "../../../modules/stockroom/types"
import type StockroomModuleService from "../../../modules/stockroom/service"

/**
 * GET /admin/stockroom — the effective plugin options and the plugin version.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  res.json({ options: stockroom.getOptions(), version: stockroom.getVersion() })
}
