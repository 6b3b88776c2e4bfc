import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  type InventoryUnitDTO,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../../../../modules/stockroom/types"
import { listOrderOf, withSelectedFields } from "../../../../list-query"
import { withBackorderEtas } from "../../../../incoming-etas"
import { orderableAdminInventoryUnitFields } from "../../../inventory-units/query-config"
import type { AdminGetOrderInventoryUnitsParamsType } from "../../../inventory-units/validators"

function totalsByState(units: Pick<InventoryUnitDTO, "state" | "quantity">[]) {
  const totals: Record<string, number> = {}
  for (const unit of units) {
    totals[unit.state] = (totals[unit.state] ?? 0) + unit.quantity
  }
  return totals
}

/**
 * GET /admin/orders/:id/inventory-units — the order's units by line, with
 * the count per state, so the order page can say what is backordered.
 * Every unit unless `limit` is given; the totals always cover the whole order.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOrderInventoryUnitsParamsType>,
  res: MedusaResponse
) => {
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
  const { skip } = req.queryConfig.pagination
  const limit = (req.validatedQuery as AdminGetOrderInventoryUnitsParamsType).limit ?? null
  const { field, direction } = listOrderOf(req, orderableAdminInventoryUnitFields)
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [inventory_units, count] = await stockroom.listAndCountInventoryUnits(
    { order_id: req.params.id },
    { skip, take: limit, order: { [field]: direction, ordered_at: "ASC", id: "ASC" } }
  )
  const whole = inventory_units.length === count
  const totals = totalsByState(
    whole
      ? inventory_units
      : await stockroom.listInventoryUnits(
          { order_id: req.params.id },
          { take: null, select: ["state", "quantity"] }
        )
  )
  res.json({
    inventory_units: withSelectedFields(req, await withBackorderEtas(req.scope, inventory_units)),
    count,
    offset: skip,
    limit,
    totals,
  })
}
