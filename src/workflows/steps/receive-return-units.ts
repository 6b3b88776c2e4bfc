import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ReceiveReturnUnitsInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const receiveReturnUnitsStepId = "receive-return-units"

/**
 * Medusa received a return: shipped units become returned and the restock
 * Medusa made is ledgered once, as `returned`. Records what already
 * happened, so nothing to undo.
 */
export const receiveReturnUnitsStep = createStep(
  receiveReturnUnitsStepId,
  async (input: ReceiveReturnUnitsInput, { container }) => {
    if (!input.items.length || !input.order_id) {
      return new StepResponse(undefined)
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.receiveReturnUnits(input))
  }
)
