import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { cancelOrderUnitsStep, emitStockEventsStep } from "./steps"

export const cancelOrderUnitsWorkflowId = "stockroom-cancel-order-units"

/** Order canceled → unshipped units canceled, `released`, backorders fill. */
export const cancelOrderUnitsWorkflow = createWorkflow(
  cancelOrderUnitsWorkflowId,
  (input: { order_id: string }) => {
    const result = cancelOrderUnitsStep(input)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    return new WorkflowResponse(result)
  }
)
