import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { createStockLocationSettingsWorkflow } from "../../create-stock-location-settings"
import { deleteStockLocationSettingsWorkflow } from "../../delete-stock-location-settings"

type HookContext = { container: MedusaContainer }

/** Stock locations created: each gets its setting row with the plugin's defaults. */
export async function stockLocationsCreatedHandler(
  { stockLocations }: { stockLocations: { id: string }[] },
  { container }: HookContext
) {
  const { result: createdIds } = await createStockLocationSettingsWorkflow(container).run({
    input: { stock_location_ids: stockLocations.map((location) => location.id) },
  })
  return new StepResponse(createdIds, createdIds)
}

/** Removes only the setting rows the handler created. */
export async function stockLocationsCreatedCompensation(
  createdSettingIds: string[] | undefined,
  { container }: HookContext
) {
  if (!createdSettingIds?.length) {
    return
  }
  await deleteStockLocationSettingsWorkflow(container).run({
    input: { ids: createdSettingIds },
  })
}
