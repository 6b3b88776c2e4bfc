import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { listOrderOf, withSelectedFields } from "../../list-query"
import { listStockCounts, retrieveStockCount } from "./helpers"
import { orderableAdminStockCountFields } from "./query-config"
import type { AdminGetStockCountsParamsType, AdminOpenStockCountType } from "./validators"

/** POST /admin/stock-counts — open a count of a location. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminOpenStockCountType>,
  res: MedusaResponse
) => {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const id = await stockroom.openStockCount({
    ...req.validatedBody,
    created_by: req.auth_context.actor_id,
  })
  res.status(200).json({ stock_count: await retrieveStockCount(req.scope, id) })
}

/** GET /admin/stock-counts — newest first unless `order` says otherwise, with their items. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockCountsParamsType>,
  res: MedusaResponse
) => {
  const { skip, take } = req.queryConfig.pagination
  const { stock_counts, count } = await listStockCounts(
    req.scope,
    req.validatedQuery as AdminGetStockCountsParamsType,
    { skip, take: take!, order: listOrderOf(req, orderableAdminStockCountFields) }
  )
  res.json({ stock_counts: withSelectedFields(req, stock_counts), count, offset: skip, limit: take })
}
