import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../modules/stockroom/types"
import { publicSubscription } from "../../../../modules/stockroom/notifications/subscriptions"
import type { StoreDeleteStockSubscriptionParamsType } from "../validators"

/**
 * DELETE /store/stock-subscriptions/:id?token=… — unsubscribes with the
 * token the back-in-stock notification carries. Unknown id → 404, wrong
 * token → 400; unsubscribing twice is harmless.
 */
export const DELETE = async (
  req: MedusaRequest<unknown, StoreDeleteStockSubscriptionParamsType>,
  res: MedusaResponse
) => {
  const { token } = req.validatedQuery as StoreDeleteStockSubscriptionParamsType
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const subscription = await stockroom.cancelStockSubscription(req.params.id, token)
  res.json({ stock_subscription: publicSubscription(subscription) })
}
