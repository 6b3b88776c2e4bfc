import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  STOCKROOM_MODULE,
  type IStockroomModuleService,
  type StockTransferUndo,
} from "../../../modules/stockroom/types"

export const cancelStockTransferStepId = "cancel-stock-transfer"

/**
 * Cancels a transfer in transit: what is on its way is booked back in at
 * the source. When the events after it or a caller running the workflow
 * as a step fail, compensation takes those goods back out of the source
 * and puts the transfer in transit again.
 */
export const cancelStockTransferStep = createStep(
  cancelStockTransferStepId,
  async (input: { id: string; canceled_by?: string | null }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const ledger = await stockroom.cancelStockTransfer(input.id, input.canceled_by ?? null)
    const undo: StockTransferUndo = {
      transfer_id: input.id,
      movement_ids: ledger.movements.map((movement) => movement.id),
      lines: [],
      closed: true,
    }
    return new StepResponse(ledger, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.revertStockTransferChange(undo)
  }
)
