import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { StockroomEvents } from "../../modules/stockroom/events"
import { orderPurchaseOrderStep } from "../steps/incoming"

export const orderPurchaseOrderWorkflowId = "stockroom-order-purchase-order"

/** A draft purchase order is placed with its supplier: its goods become incoming. */
export const orderPurchaseOrderWorkflow = createWorkflow(
  orderPurchaseOrderWorkflowId,
  (input: { id: string }) => {
    const id = orderPurchaseOrderStep(input.id)
    emitEventStep({
      eventName: StockroomEvents.PURCHASE_ORDER_ORDERED,
      data: transform({ id }, ({ id }) => ({ id })),
    })
    return new WorkflowResponse(id)
  }
)
