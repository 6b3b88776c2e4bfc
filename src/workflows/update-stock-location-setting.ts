import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { UpdateStockLocationSettingDTO } from "../modules/stockroom/types"
import { propagateStockItemsWorkflow } from "./propagate-stock-items"
import {
  ensureStockLocationSettingsStep,
  updateStockLocationSettingStep,
  validateStockLocationsExistStep,
} from "./steps"

export type UpdateStockLocationSettingWorkflowInput =
  UpdateStockLocationSettingDTO & { stock_location_id: string }

export const updateStockLocationSettingWorkflowId =
  "stockroom-update-stock-location-setting"

/**
 * Changes a location's Stockroom settings (creating the row first if it is
 * somehow missing). Switching propagate_all_variants on gives the location
 * a stock item, and a Medusa level at 0, for every inventory item.
 */
export const updateStockLocationSettingWorkflow = createWorkflow(
  updateStockLocationSettingWorkflowId,
  (input: UpdateStockLocationSettingWorkflowInput) => {
    const locationIds = transform({ input }, ({ input }) => [input.stock_location_id])
    validateStockLocationsExistStep(locationIds)
    const settings = ensureStockLocationSettingsStep(
      transform({ locationIds }, ({ locationIds }) => ({
        stock_location_ids: locationIds,
      }))
    )
    const updated = updateStockLocationSettingStep(
      transform({ input, settings }, ({ input, settings }) => ({
        id: settings[0].id,
        backorderable_default: input.backorderable_default,
        propagate_all_variants: input.propagate_all_variants,
        restock_inventory: input.restock_inventory,
        allocation_priority: input.allocation_priority,
      }))
    )
    when(
      "propagation-switched-on",
      { updated },
      ({ updated }) => updated.propagation_switched_on
    ).then(() => {
      propagateStockItemsWorkflow.runAsStep({
        input: transform({ locationIds }, ({ locationIds }) => ({
          location_ids: locationIds,
        })),
      })
    })
    const setting = transform({ updated }, ({ updated }) => updated.setting)
    return new WorkflowResponse(setting)
  }
)
