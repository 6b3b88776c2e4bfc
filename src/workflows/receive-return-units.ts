import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  emitStockEventsStep,
  ensureStockItemsStep,
  receiveReturnUnitsStep,
  resolveReturnUnitsStep,
} from "./steps"

export const receiveReturnUnitsWorkflowId = "stockroom-receive-return-units"

/**
 * Medusa's return received → shipped units returned, the restock ledgered
 * once as `returned` (damaged items come back without restock).
 */
export const receiveReturnUnitsWorkflow = createWorkflow(
  receiveReturnUnitsWorkflowId,
  (input: { return_id: string }) => {
    const resolved = resolveReturnUnitsStep(input)
    const refs = transform({ resolved }, ({ resolved }) => resolved.refs)
    ensureStockItemsStep(refs)
    const receiveInput = transform({ resolved }, ({ resolved }) => ({
      order_id: resolved.order_id,
      return_id: resolved.return_id,
      location_id: resolved.location_id,
      items: resolved.items,
    }))
    const result = receiveReturnUnitsStep(receiveInput)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    return new WorkflowResponse(result)
  }
)
