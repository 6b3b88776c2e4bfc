import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE } from "../../../../../modules/stockroom/types"
import type StockroomModuleService from "../../../../../modules/stockroom/service"

/**
 * GET /admin/orders/:id/inventory-units — the order's units by line, with
 * the count per state, so the order page can say what is backordered.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const {
    data: [order],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id"],
    filters: { id: req.params.id },
  })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const inventory_units = await stockroom.listInventoryUnits(
    { order_id: req.params.id },
    { take: null, order: { line_item_id: "ASC", ordered_at: "ASC", id: "ASC" } }
  )
  const totals: Record<string, number> = {}
  for (const unit of inventory_units) {
    totals[unit.state] = (totals[unit.state] ?? 0) + unit.quantity
  }
  res.json({ inventory_units, count: inventory_units.length, totals })
}
