import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export type DeleteStockLocationSettingsStepInput = { ids: string[] }

export const deleteStockLocationSettingsStepId = "delete-stock-location-settings"

/**
 * Deletes stock-location setting rows by id, for a stock-location creation
 * Medusa rolls back after their rows were made. Not undone: it is itself
 * the undoing of their creation.
 */
export const deleteStockLocationSettingsStep = createStep(
  deleteStockLocationSettingsStepId,
  async (input: DeleteStockLocationSettingsStepInput, { container }) => {
    if (!input.ids.length) {
      return new StepResponse(void 0)
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.deleteStockLocationSettings(input.ids)
    return new StepResponse(void 0)
  }
)
