import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitStockEventsStep } from "../steps"
import { cancelStockTransferStep } from "../steps/incoming"

export const cancelStockTransferWorkflowId = "stockroom-cancel-stock-transfer"

/** Cancels a transfer in transit: its goods are booked back in at the source. */
export const cancelStockTransferWorkflow = createWorkflow(
  cancelStockTransferWorkflowId,
  (input: { id: string; canceled_by?: string | null }) => {
    const ledger = cancelStockTransferStep(input)
    emitStockEventsStep(transform({ ledger }, ({ ledger }) => [ledger]))
    return new WorkflowResponse(input.id)
  }
)
