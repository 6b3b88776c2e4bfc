import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  emitStockEventsStep,
  ensureStockItemsStep,
  placeOrderUnitsStep,
  resolveOrderUnitLinesStep,
  placeReservationsByPriorityStep,
  releaseCartHoldStep,
} from "./steps"

export const placeOrderUnitsWorkflowId = "stockroom-place-order-units"

/**
 * Order placed → at checkout each line's reservation moves to the location
 * of the channel it is placed at by priority; then inventory units there, with an
 * `allocated` movement per stock item. Runs from the checkout hook and
 * again from `order.placed` for orders made elsewhere; the second run for
 * an order changes nothing.
 */
export const placeOrderUnitsWorkflow = createWorkflow(
  placeOrderUnitsWorkflowId,
  (input: { order_id: string; cart_id?: string | null; within_checkout?: boolean }) => {
    placeReservationsByPriorityStep(input)
    const resolved = resolveOrderUnitLinesStep(input)
    const refs = transform({ resolved }, ({ resolved }) => resolved.refs)
    ensureStockItemsStep(refs)
    const placeInput = transform({ input, resolved }, ({ input, resolved }) => ({
      order_id: resolved.order_id,
      ordered_at: resolved.ordered_at,
      lines: resolved.lines,
      within_checkout: !!input.within_checkout,
      cart_id: input.cart_id ?? null,
    }))
    const result = placeOrderUnitsStep(placeInput)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    // The cart's own checkout consumed its hold with the units; what is
    // left (a hold made after, or for an order with nothing to place) goes
    // now. Every row is returned so that a checkout rolling back later can
    // put them back.
    const releasedHold = releaseCartHoldStep({ cart_id: input.cart_id })
    const response = transform({ result, releasedHold }, ({ result, releasedHold }) => ({
      ...result,
      released_hold: [...result.released_hold, ...releasedHold],
    }))
    return new WorkflowResponse(response)
  }
)
