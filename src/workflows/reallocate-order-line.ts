import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  emitStockEventsStep,
  moveLineReservationsStep,
  reallocateOrderLineUnitsStep,
  validateOrderLineReallocationStep,
} from "./steps"

export const reallocateOrderLineWorkflowId = "stockroom-reallocate-order-line"

export type ReallocateOrderLineWorkflowInput = {
  order_id: string
  line_item_id: string
  location_id: string
}

/**
 * Moves an order line's whole unshipped rest (every kit component) to
 * another location of the order's channel: its Medusa reservations first,
 * then its units, on_hand as far as the target's sellable stock allows and
 * backordered beyond, with `released` / `allocated` movements and the
 * source's backorders filled from what it freed.
 */
export const reallocateOrderLineWorkflow = createWorkflow(
  reallocateOrderLineWorkflowId,
  (input: ReallocateOrderLineWorkflowInput) => {
    const plan = validateOrderLineReallocationStep(input)
    const reservations = moveLineReservationsStep(plan)
    const unitsInput = transform({ plan, reservations }, ({ plan }) => plan)
    const result = reallocateOrderLineUnitsStep(unitsInput)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    return new WorkflowResponse({ plan, result })
  }
)
