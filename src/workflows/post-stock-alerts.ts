import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postStockAlertsStep, PostStockAlertsStepInput } from "./steps/post-stock-alerts"

export type PostStockAlertsWorkflowInput = PostStockAlertsStepInput

export const postStockAlertsWorkflowId = "stockroom-post-stock-alerts"

/** Low stock, out of stock or a stale backorder, posted to the admin's feed once per crossing. */
export const postStockAlertsWorkflow = createWorkflow(
  postStockAlertsWorkflowId,
  (input: PostStockAlertsWorkflowInput) => {
    return new WorkflowResponse(postStockAlertsStep(input))
  }
)
