import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE } from "../../modules/stockroom/types"
import type StockroomModuleService from "../../modules/stockroom/service"

/**
 * Stockroom's workflow-hook handlers, exported so that a store which sets
 * `register_workflow_hooks: false` (because it uses the same hooks) can call
 * them from its own handler:
 *
 *   import { stockLocationsCreatedHandler, stockLocationsCreatedCompensation }
 *     from "medusa-plugin-stockroom/workflows"
 *   createStockLocationsWorkflow.hooks.stockLocationsCreated(
 *     async (input, ctx) => {
 *       // … the store's own work …
 *       return stockLocationsCreatedHandler(input, ctx)
 *     },
 *     stockLocationsCreatedCompensation
 *   )
 */

type HookContext = { container: MedusaContainer }

export async function stockLocationsCreatedHandler(
  { stockLocations }: { stockLocations: { id: string }[] },
  { container }: HookContext
) {
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const { created_ids } = await stockroom.ensureStockLocationSettings(
    stockLocations.map((location) => location.id)
  )
  return new StepResponse(created_ids, created_ids)
}

export async function stockLocationsCreatedCompensation(
  createdSettingIds: string[] | undefined,
  { container }: HookContext
) {
  if (!createdSettingIds?.length) {
    return
  }
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  await stockroom.deleteStockLocationSettings(createdSettingIds)
}
