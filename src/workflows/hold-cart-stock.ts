import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CartStockLine } from "../modules/stockroom/types"
import { holdCartStockStep } from "./steps/hold-cart-stock"
import { releaseCartHoldStep } from "./steps/release-cart-hold"

export const holdCartStockWorkflowId = "stockroom-hold-cart-stock"

/** The customer starts checkout → the cart's stock is held (again) for checkout_hold_minutes. */
export const holdCartStockWorkflow = createWorkflow(
  holdCartStockWorkflowId,
  (input: { cart_id: string; sales_channel_id: string; lines: CartStockLine[] }) => {
    return new WorkflowResponse(holdCartStockStep(input))
  }
)

export const releaseCartHoldWorkflowId = "stockroom-release-cart-hold"

/** The customer leaves checkout → the cart's hold is released. */
export const releaseCartHoldWorkflow = createWorkflow(
  releaseCartHoldWorkflowId,
  (input: { cart_id: string }) => {
    return new WorkflowResponse(releaseCartHoldStep(input))
  }
)
