import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ReceiveReturnAuthorizationUnitsInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const receiveReturnAuthorizationUnitsStepId = "receive-return-authorization-units"

/**
 * Medusa received the authorization's return: units become returned and the
 * restock Medusa made is ledgered once, as `returned` originated by the
 * authorization. Compensation puts the units back to shipped; the ledger is
 * never edited (when Medusa's receipt is undone too, the level change back
 * is reconciled like any other).
 */
export const receiveReturnAuthorizationUnitsStep = createStep(
  receiveReturnAuthorizationUnitsStepId,
  async (input: ReceiveReturnAuthorizationUnitsInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result = await stockroom.receiveReturnAuthorizationUnits(input)
    return new StepResponse(result, input.return_authorization_id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.unreceiveReturnAuthorizationUnits(id)
  }
)
