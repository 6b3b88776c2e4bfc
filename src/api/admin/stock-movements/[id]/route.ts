import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../modules/stockroom/types"

/** GET /admin/stock-movements/:id */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const stock_movement = await stockroom.retrieveStockMovement(req.params.id)
  res.json({ stock_movement })
}
