import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StockItemRef } from "../../modules/stockroom/types"
import { notifyBackInStock } from "../../lib/notifications/back-in-stock"

export const sendBackInStockNotificationsStepId = "send-back-in-stock-notifications"

/** Claims and notifies the waiting subscribers stock at these places can now serve. */
export const sendBackInStockNotificationsStep = createStep(
  sendBackInStockNotificationsStepId,
  async (refs: StockItemRef[], { container }) => {
    return new StepResponse(await notifyBackInStock(container, refs))
  }
)
