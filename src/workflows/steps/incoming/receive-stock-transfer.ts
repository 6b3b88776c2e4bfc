import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ReceiveStockTransferInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"

export const receiveStockTransferStepId = "receive-stock-transfer"

/**
 * Receives goods of a transfer in transit (`transfer_in` for what is
 * accepted, rejects recorded). When the events after it or a caller
 * running the workflow as a step fail, compensation takes the goods back
 * out with new movements, restores the items' counts and reopens the
 * transfer.
 */
export const receiveStockTransferStep = createStep(
  receiveStockTransferStepId,
  async (input: ReceiveStockTransferInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const received = await stockroom.receiveStockTransfer(input)
    return new StepResponse(received, received.undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.revertStockTransferChange(undo)
  }
)
