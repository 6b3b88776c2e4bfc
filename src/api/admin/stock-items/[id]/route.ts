import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../modules/stockroom/types"
import { updateStockItemWorkflow } from "../../../../workflows/update-stock-item"
import { withHeld } from "../held"
import type { AdminUpdateStockItemType } from "../validators"

async function retrieveWithCounts(
  stockroom: IStockroomModuleService,
  id: string
) {
  const [[stock_item]] = await stockroom.listStockItemsWithCounts(
    { id: [id] },
    { limit: 1 }
  )
  if (!stock_item) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock item ${id} not found`)
  }
  const [withCounts] = await withHeld(stockroom, [stock_item])
  return withCounts
}

/** GET /admin/stock-items/:id */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  res.json({ stock_item: await retrieveWithCounts(stockroom, req.params.id) })
}

/** POST /admin/stock-items/:id — backorderable, low_stock_threshold, safety_stock. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateStockItemType>,
  res: MedusaResponse
) => {
  await updateStockItemWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  res.json({ stock_item: await retrieveWithCounts(stockroom, req.params.id) })
}
