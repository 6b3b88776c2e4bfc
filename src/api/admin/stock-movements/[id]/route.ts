import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE } from "../../../../modules/stockroom/types"
import type StockroomModuleService from "../../../../modules/stockroom/service"

/** GET /admin/stock-movements/:id */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const stock_movement = await stockroom.retrieveStockMovement(req.params.id)
  res.json({ stock_movement })
}
