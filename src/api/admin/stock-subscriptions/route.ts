import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { asArray } from "../../query-values"
import type { AdminGetStockSubscriptionsParamsType } from "./validators"

/**
 * GET /admin/stock-subscriptions — back-in-stock subscriptions, newest
 * first, filtered by variant, sales channel and status (active, notified,
 * canceled). Tokens are never listed.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockSubscriptionsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetStockSubscriptionsParamsType
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [stockSubscriptions, count] = await stockroom.listAndCountStockSubscriptions(
    {
      variant_id: asArray(params.variant_id),
      sales_channel_id: asArray(params.sales_channel_id),
      status: params.status === undefined ? undefined : [params.status].flat(),
    },
    { skip: params.offset, take: params.limit }
  )
  res.json({ stock_subscriptions: stockSubscriptions, count, offset: params.offset, limit: params.limit })
}

