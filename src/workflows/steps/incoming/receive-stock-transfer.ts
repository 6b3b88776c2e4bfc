import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ReceiveStockTransferInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"

export const receiveStockTransferStepId = "receive-stock-transfer"

/**
 * Receives goods of a transfer in transit (`transfer_in` for what is
 * accepted, rejects recorded). The workflow's last mutating step: only the
 * grouped events follow it, so there is nothing to undo.
 */
export const receiveStockTransferStep = createStep(
  receiveStockTransferStepId,
  async (input: ReceiveStockTransferInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.receiveStockTransfer(input))
  }
)
