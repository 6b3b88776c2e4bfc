import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { StockroomEvents } from "../../modules/stockroom/events"
import { cancelPurchaseOrderStep } from "../steps/incoming"

export const cancelPurchaseOrderWorkflowId = "stockroom-cancel-purchase-order"

/** Cancels a purchase order: what was received stays, nothing is incoming after. */
export const cancelPurchaseOrderWorkflow = createWorkflow(
  cancelPurchaseOrderWorkflowId,
  (input: { id: string }) => {
    const id = cancelPurchaseOrderStep(input.id)
    emitEventStep({
      eventName: StockroomEvents.PURCHASE_ORDER_CANCELED,
      data: transform({ id }, ({ id }) => ({ id })),
    })
    return new WorkflowResponse(id)
  }
)
