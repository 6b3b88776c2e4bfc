import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export type CreateStockLocationSettingsStepInput = {
  stock_location_ids: string[]
}

export const createStockLocationSettingsStepId = "create-stock-location-settings"

/**
 * Like ensure-stock-location-settings, creates the setting rows the given
 * stock locations lack, but outputs the ids of the rows it created rather
 * than every location's setting: the stock-location hook hands exactly
 * those to its compensation. Compensation removes the same rows.
 */
export const createStockLocationSettingsStep = createStep(
  createStockLocationSettingsStepId,
  async (input: CreateStockLocationSettingsStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const { created_ids } = await stockroom.ensureStockLocationSettings(
      input.stock_location_ids
    )
    return new StepResponse(created_ids, created_ids)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.deleteStockLocationSettings(createdIds)
  }
)
