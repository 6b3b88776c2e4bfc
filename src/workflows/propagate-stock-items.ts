import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, StockItemRef, type IStockroomModuleService } from "../modules/stockroom/types"
import { ensureStockItemsStep, syncVariantBackorderStep } from "./steps"

export type PropagateStockItemsWorkflowInput = {
  location_ids?: string[]
  inventory_item_ids?: string[]
}

const PAGE = 1000

export const listPropagationTargetsStepId = "list-propagation-targets"

/**
 * The (inventory item, location) pairs that need a stock item: new
 * locations × every inventory item, and new inventory items × every
 * location whose setting propagates.
 */
export const listPropagationTargetsStep = createStep(
  listPropagationTargetsStepId,
  async (input: PropagateStockItemsWorkflowInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const inventory = container.resolve(Modules.INVENTORY)
    const stockLocations = container.resolve(Modules.STOCK_LOCATION)
    const refs: StockItemRef[] = []

    if (input.location_ids?.length) {
      const { settings } = await stockroom.ensureStockLocationSettings(input.location_ids)
      const propagating = settings
        .filter((setting) => setting.propagate_all_variants)
        .map((setting) => setting.stock_location_id)
      if (propagating.length) {
        for (let skip = 0; ; skip += PAGE) {
          const items = await inventory.listInventoryItems(
            {},
            { select: ["id"], skip, take: PAGE, order: { id: "ASC" } }
          )
          for (const item of items) {
            for (const location_id of propagating) {
              refs.push({ inventory_item_id: item.id, location_id })
            }
          }
          if (items.length < PAGE) {
            break
          }
        }
      }
    }

    if (input.inventory_item_ids?.length) {
      const locations = await stockLocations.listStockLocations(
        {},
        { select: ["id"], take: null }
      )
      const { settings } = await stockroom.ensureStockLocationSettings(
        locations.map((location) => location.id)
      )
      for (const setting of settings.filter((s) => s.propagate_all_variants)) {
        for (const inventory_item_id of input.inventory_item_ids) {
          refs.push({ inventory_item_id, location_id: setting.stock_location_id })
        }
      }
    }
    return new StepResponse(refs)
  }
)

export const propagateStockItemsWorkflowId = "stockroom-propagate-stock-items"

/**
 * Gives new locations and new inventory items their stock items (and a
 * Medusa level at 0 where none exists), in batches.
 */
export const propagateStockItemsWorkflow = createWorkflow(
  propagateStockItemsWorkflowId,
  (input: PropagateStockItemsWorkflowInput) => {
    const refs = listPropagationTargetsStep(input)
    const created = ensureStockItemsStep(refs)
    // A new variant's Medusa flag follows its new stock items' defaults.
    const newItems = transform({ input }, ({ input }) => ({
      inventory_item_ids: input.inventory_item_ids ?? [],
    }))
    syncVariantBackorderStep(newItems)
    return new WorkflowResponse(created)
  }
)
