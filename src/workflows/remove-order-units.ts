import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeOrderUnitsStep, RemoveOrderUnitsStepInput } from "./steps/remove-order-units"

export const removeOrderUnitsWorkflowId = "stockroom-remove-order-units"

/** Checkout rolled back → the order's inventory units are removed. */
export const removeOrderUnitsWorkflow = createWorkflow(
  removeOrderUnitsWorkflowId,
  (input: RemoveOrderUnitsStepInput) => {
    removeOrderUnitsStep(input)
    return new WorkflowResponse(void 0)
  }
)
