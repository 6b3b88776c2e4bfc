import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  STOCKROOM_MODULE,
  StockLocationSettingDTO,
  UpdateStockLocationSettingDTO,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export type UpdateStockLocationSettingStepInput = UpdateStockLocationSettingDTO & {
  id: string
}

export type UpdateStockLocationSettingStepOutput = {
  setting: StockLocationSettingDTO
  /** propagate_all_variants went from false to true */
  propagation_switched_on: boolean
}

export const updateStockLocationSettingStepId = "update-stock-location-setting"

const FIELDS = [
  "backorderable_default",
  "propagate_all_variants",
  "restock_inventory",
  "allocation_priority",
] as const

/**
 * Changes a location's Stockroom settings. Compensation puts the previous
 * values back.
 */
export const updateStockLocationSettingStep = createStep(
  updateStockLocationSettingStepId,
  async (input: UpdateStockLocationSettingStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const before = (await stockroom.retrieveStockLocationSetting(
      input.id
    )) as StockLocationSettingDTO
    const patch: UpdateStockLocationSettingDTO = {}
    const previous: UpdateStockLocationSettingDTO = {}
    for (const field of FIELDS) {
      if (input[field] !== undefined && input[field] !== before[field]) {
        ;(patch as any)[field] = input[field]
        ;(previous as any)[field] = before[field]
      }
    }
    const setting = Object.keys(patch).length
      ? ((await stockroom.updateStockLocationSettings({
          id: before.id,
          ...patch,
        })) as unknown as StockLocationSettingDTO)
      : before
    const output: UpdateStockLocationSettingStepOutput = {
      setting,
      propagation_switched_on: patch.propagate_all_variants === true,
    }
    return new StepResponse(output, { id: before.id, previous })
  },
  async (undo, { container }) => {
    if (!undo || !Object.keys(undo.previous).length) {
      return
    }
    await container
      .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      .updateStockLocationSettings({ id: undo.id, ...undo.previous })
  }
)
