import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const cancelOrderUnitsStepId = "cancel-order-units"

/**
 * A canceled order's unshipped units are canceled, the reservations Medusa
 * dropped are ledgered as `released`, and freed stock fills backorders.
 * Not undone: it records what Medusa's cancellation already did.
 */
export const cancelOrderUnitsStep = createStep(
  cancelOrderUnitsStepId,
  async (input: { order_id: string }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.cancelOrderUnits(input.order_id))
  }
)
