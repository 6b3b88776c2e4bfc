import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE } from "../../../modules/stockroom/types"
import type StockroomModuleService from "../../../modules/stockroom/service"
import { asArray } from "../../query-values"
import { definedFilters, withOrderAndVariant } from "../inventory-units/helpers"
import type { AdminGetBackordersParamsType } from "../inventory-units/validators"

/**
 * GET /admin/backorders — the backorder queue: backordered units oldest
 * first (the order they will be filled in), with their order and variant.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBackordersParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetBackordersParamsType
  const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const [units, count] = await stockroom.listAndCountInventoryUnits(
    {
      ...definedFilters({
        order_id: asArray(params.order_id),
        variant_id: asArray(params.variant_id),
        location_id: asArray(params.location_id),
      }),
      state: "backordered",
    },
    {
      skip: params.offset,
      take: params.limit,
      order: { ordered_at: "ASC", id: "ASC" },
    }
  )
  res.json({
    backorders: await withOrderAndVariant(req.scope, units as any),
    count,
    offset: params.offset,
    limit: params.limit,
  })
}
