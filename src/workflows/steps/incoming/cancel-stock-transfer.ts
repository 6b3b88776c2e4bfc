import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"

export const cancelStockTransferStepId = "cancel-stock-transfer"

/**
 * Cancels a transfer in transit: what is on its way is booked back in at
 * the source. The workflow's last mutating step: only the grouped events
 * follow it, so there is nothing to undo.
 */
export const cancelStockTransferStep = createStep(
  cancelStockTransferStepId,
  async (input: { id: string; canceled_by?: string | null }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.cancelStockTransfer(input.id, input.canceled_by ?? null))
  }
)
