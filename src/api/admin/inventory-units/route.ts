import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE } from "../../../modules/stockroom/types"
import type StockroomModuleService from "../../../modules/stockroom/service"
import { asArray } from "../../query-values"
import { definedFilters } from "./helpers"
import type { AdminGetInventoryUnitsParamsType } from "./validators"

/** GET /admin/inventory-units — units with filters, oldest order first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetInventoryUnitsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetInventoryUnitsParamsType
  const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const orderBy = params.order ?? "ordered_at"
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
    {
      skip: params.offset,
      take: params.limit,
      order: {
        [orderBy.replace(/^-/, "")]: orderBy.startsWith("-") ? "DESC" : "ASC",
        id: "ASC",
      },
    }
  )
  res.json({ inventory_units, count, offset: params.offset, limit: params.limit })
}
