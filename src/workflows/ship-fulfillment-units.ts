import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  emitStockEventsStep,
  ensureStockItemsStep,
  resolveFulfillmentUnitsStep,
  shipFulfillmentUnitsStep,
} from "./steps"

export const shipFulfillmentUnitsWorkflowId = "stockroom-ship-fulfillment-units"

/**
 * Fulfillment created → its units ship with a `shipped` movement. Throws
 * (NOT_ALLOWED) when it would ship backordered units while
 * allow_backorder_shipping is off, which makes Medusa undo the fulfillment.
 */
export const shipFulfillmentUnitsWorkflow = createWorkflow(
  shipFulfillmentUnitsWorkflowId,
  (input: { fulfillment_id: string; order_id?: string }) => {
    const resolved = resolveFulfillmentUnitsStep(input)
    const refs = transform({ resolved }, ({ resolved }) => resolved.refs)
    ensureStockItemsStep(refs)
    const shipInput = transform({ resolved }, ({ resolved }) => ({
      order_id: resolved.order_id,
      fulfillment_id: resolved.fulfillment_id,
      location_id: resolved.location_id,
      items: resolved.items,
    }))
    const result = shipFulfillmentUnitsStep(shipInput)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    return new WorkflowResponse(result)
  }
)
