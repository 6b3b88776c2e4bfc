import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { StockItemRef } from "../modules/stockroom/types"
import { sendBackInStockNotificationsStep } from "./steps/send-back-in-stock-notifications"

export type NotifyBackInStockWorkflowInput = { refs: StockItemRef[] }

export const notifyBackInStockWorkflowId = "stockroom-notify-back-in-stock"

/**
 * Stock came back at some places: each waiting subscriber of a variant now
 * sellable in their channel gets one back-in-stock email, once.
 */
export const notifyBackInStockWorkflow = createWorkflow(
  notifyBackInStockWorkflowId,
  (input: NotifyBackInStockWorkflowInput) => {
    return new WorkflowResponse(sendBackInStockNotificationsStep(input.refs))
  }
)
