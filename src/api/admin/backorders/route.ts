import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { listOrderOf, selectedKeys, withSelectedFields } from "../../list-query"
import { asArray } from "../../query-values"
import { addBackorderEtas } from "../../incoming-etas"
import { definedFilters, withOrderAndVariant } from "../inventory-units/helpers"
import { orderableAdminBackorderFields } from "../inventory-units/query-config"
import type { AdminGetBackordersParamsType } from "../inventory-units/validators"

/**
 * GET /admin/backorders — the backorder queue: backordered units oldest
 * first (the order they will be filled in), with their order and variant,
 * their place in the queue and the date incoming stock should reach them.
 * A `fields` selection without `expected_at` and `queue_position` skips the
 * ETA query.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetBackordersParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetBackordersParamsType
  const { skip, take } = req.queryConfig.pagination
  const { field, direction } = listOrderOf(req, orderableAdminBackorderFields)
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [units, count] = await stockroom.listAndCountInventoryUnits(
    {
      ...definedFilters({
        order_id: asArray(params.order_id),
        variant_id: asArray(params.variant_id),
        location_id: asArray(params.location_id),
      }),
      state: "backordered",
    },
    { skip, take, order: { [field]: direction, id: "ASC" } }
  )
  const keys = selectedKeys(req)
  const wantsEtas = !keys || keys.has("expected_at") || keys.has("queue_position")
  // The ETAs need only the units' ids: read them while the orders and
  // variants are read.
  const [withOrders, etas] = await Promise.all([
    withOrderAndVariant(req.scope, units as any),
    wantsEtas ? stockroom.listBackorderEtas(units.map((unit) => unit.id)) : undefined,
  ])
  res.json({
    backorders: withSelectedFields(req, etas ? addBackorderEtas(withOrders, etas) : withOrders),
    count,
    offset: skip,
    limit: take,
  })
}
