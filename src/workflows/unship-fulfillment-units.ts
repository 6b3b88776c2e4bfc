import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitStockEventsStep, unshipFulfillmentUnitsStep } from "./steps"

export const unshipFulfillmentUnitsWorkflowId = "stockroom-unship-fulfillment-units"

/** Fulfillment canceled → units back, `unshipped` movement, backorders fill. */
export const unshipFulfillmentUnitsWorkflow = createWorkflow(
  unshipFulfillmentUnitsWorkflowId,
  (input: { order_id: string; fulfillment_id: string }) => {
    const result = unshipFulfillmentUnitsStep(input)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    return new WorkflowResponse(result)
  }
)
