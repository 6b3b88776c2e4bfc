import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../../modules/stockroom/types"
import { retrieveStockCount } from "../../helpers"

/** POST /admin/stock-counts/:id/cancel — only while open; books nothing. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  await stockroom.cancelStockCount(req.params.id)
  res.json({ stock_count: await retrieveStockCount(req.scope, req.params.id) })
}
