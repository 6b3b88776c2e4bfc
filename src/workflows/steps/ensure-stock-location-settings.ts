import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export type EnsureStockLocationSettingsStepInput = {
  stock_location_ids: string[]
}

export const ensureStockLocationSettingsStepId = "ensure-stock-location-settings"

/**
 * Creates the missing setting rows for the given stock locations with the
 * plugin's defaults. Compensation removes only the rows this step created.
 */
export const ensureStockLocationSettingsStep = createStep(
  ensureStockLocationSettingsStepId,
  async (input: EnsureStockLocationSettingsStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const { settings, created_ids } =
      await stockroom.ensureStockLocationSettings(input.stock_location_ids)
    return new StepResponse(settings, created_ids)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.deleteStockLocationSettings(createdIds)
  }
)
