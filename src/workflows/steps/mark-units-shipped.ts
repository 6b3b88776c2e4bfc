import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export type MarkUnitsShippedStepInput = { fulfillment_ids: string[] }

export const markUnitsShippedStepId = "mark-units-shipped"

/**
 * Stamps the shipping time on the fulfillments' shipped units that have
 * none yet; outputs how many it stamped. Not undone: the time is
 * informational and Medusa's shipment already exists when this runs.
 */
export const markUnitsShippedStep = createStep(
  markUnitsShippedStepId,
  async (input: MarkUnitsShippedStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.markUnitsShipped(input.fulfillment_ids))
  }
)
