import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { StockroomEvents } from "../../modules/stockroom/events"
import type { ReceivePurchaseOrderInput } from "../../modules/stockroom/types"
import { emitStockEventsStep } from "../steps"
import { receivePurchaseOrderStep } from "../steps/incoming"

export const receivePurchaseOrderWorkflowId = "stockroom-receive-purchase-order"

/**
 * Books one receipt of a purchase order (movements and backorder fills in
 * one transaction under the order's lock) and, when it succeeds, emits the
 * ledger's events and `stockroom.purchase_order.received` with `complete`.
 */
export const receivePurchaseOrderWorkflow = createWorkflow(
  receivePurchaseOrderWorkflowId,
  (input: ReceivePurchaseOrderInput) => {
    const receipt = receivePurchaseOrderStep(input)
    emitStockEventsStep(transform({ receipt }, ({ receipt }) => [receipt.ledger]))
    emitEventStep({
      eventName: StockroomEvents.PURCHASE_ORDER_RECEIVED,
      data: transform({ receipt }, ({ receipt }) => ({
        id: receipt.purchase_order_id,
        receipt_id: receipt.receipt_id,
        complete: receipt.complete,
      })),
    })
    return new WorkflowResponse(receipt)
  }
)
