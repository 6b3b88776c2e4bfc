import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { listOrderOf, withSelectedFields } from "../../list-query"
import { asArray } from "../../query-values"
import { definedFilters } from "./helpers"
import { orderableAdminInventoryUnitFields } from "./query-config"
import type { AdminGetInventoryUnitsParamsType } from "./validators"

/** GET /admin/inventory-units — units with filters, oldest order first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetInventoryUnitsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetInventoryUnitsParamsType
  const { skip, take } = req.queryConfig.pagination
  const { field, direction } = listOrderOf(req, orderableAdminInventoryUnitFields)
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [inventory_units, count] = await stockroom.listAndCountInventoryUnits(
    definedFilters({
      order_id: asArray(params.order_id),
      line_item_id: asArray(params.line_item_id),
      variant_id: asArray(params.variant_id),
      inventory_item_id: asArray(params.inventory_item_id),
      location_id: asArray(params.location_id),
      fulfillment_id: asArray(params.fulfillment_id),
      state: asArray(params.state),
    }),
    { skip, take, order: { [field]: direction, id: "ASC" } }
  )
  res.json({
    inventory_units: withSelectedFields(req, inventory_units),
    count,
    offset: skip,
    limit: take,
  })
}
