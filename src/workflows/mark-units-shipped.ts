import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { markUnitsShippedStep, MarkUnitsShippedStepInput } from "./steps/mark-units-shipped"

export const markUnitsShippedWorkflowId = "stockroom-mark-units-shipped"

/** Shipment created → the fulfillments' units carry the shipping time. */
export const markUnitsShippedWorkflow = createWorkflow(
  markUnitsShippedWorkflowId,
  (input: MarkUnitsShippedStepInput) => {
    const marked = markUnitsShippedStep(input)
    return new WorkflowResponse(marked)
  }
)
