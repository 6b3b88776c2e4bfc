import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const unshipFulfillmentUnitsStepId = "unship-fulfillment-units"

/**
 * A canceled fulfillment's units come back (on_hand as stock allows, else
 * backordered), its stock is ledgered as `unshipped`, backorders fill.
 * Not undone: Medusa's cancellation has already happened when this runs.
 */
export const unshipFulfillmentUnitsStep = createStep(
  unshipFulfillmentUnitsStepId,
  async (input: { order_id: string; fulfillment_id: string }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.unshipFulfillmentUnits(input))
  }
)
