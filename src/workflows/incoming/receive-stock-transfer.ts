import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { StockroomEvents } from "../../modules/stockroom/events"
import type { ReceiveStockTransferInput } from "../../modules/stockroom/types"
import { emitStockEventsStep } from "../steps"
import { receiveStockTransferStep } from "../steps/incoming"

export const receiveStockTransferWorkflowId = "stockroom-receive-stock-transfer"

/** Receives a transfer in transit at its destination; emits `stockroom.stock_transfer.received`. */
export const receiveStockTransferWorkflow = createWorkflow(
  receiveStockTransferWorkflowId,
  (input: ReceiveStockTransferInput) => {
    const received = receiveStockTransferStep(input)
    emitStockEventsStep(transform({ received }, ({ received }) => [received.ledger]))
    emitEventStep({
      eventName: StockroomEvents.STOCK_TRANSFER_RECEIVED,
      data: transform({ received }, ({ received }) => ({
        id: received.transfer_id,
        complete: received.complete,
      })),
    })
    return new WorkflowResponse(received)
  }
)
