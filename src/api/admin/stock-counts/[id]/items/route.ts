import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../../modules/stockroom/types"
import { retrieveStockCount } from "../../helpers"
import type { AdminRecordStockCountType } from "../../validators"

/** POST /admin/stock-counts/:id/items — record counts; the last count of an item wins. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRecordStockCountType>,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  await stockroom.recordStockCount(req.params.id, req.validatedBody)
  res.json({ stock_count: await retrieveStockCount(req.scope, req.params.id) })
}
