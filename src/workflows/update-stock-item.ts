import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { syncVariantBackorderStep } from "./steps/sync-variant-backorder"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"

export type UpdateStockItemWorkflowInput = {
  id: string
  backorderable?: boolean
  low_stock_threshold?: number | null
}

export const updateStockItemStepId = "update-stock-item"

export const updateStockItemStep = createStep(
  updateStockItemStepId,
  async (input: UpdateStockItemWorkflowInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const before = await stockroom.retrieveStockItem(input.id)
    const updated = await stockroom.updateStockItems(input)
    return new StepResponse(updated, {
      id: before.id,
      backorderable: before.backorderable,
      low_stock_threshold: before.low_stock_threshold,
    })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container
      .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      .updateStockItems(before)
  }
)

export const updateStockItemWorkflowId = "stockroom-update-stock-item"

/**
 * Changes a stock item's backorderable flag or low-stock threshold; Medusa's
 * per-variant `allow_backorder` follows the flag.
 */
export const updateStockItemWorkflow = createWorkflow(
  updateStockItemWorkflowId,
  (input: UpdateStockItemWorkflowInput) => {
    const updated = updateStockItemStep(input)
    const inventoryItemIds = transform({ updated }, ({ updated }) => ({
      inventory_item_ids: [updated.inventory_item_id],
    }))
    syncVariantBackorderStep(inventoryItemIds)
    return new WorkflowResponse(updated)
  }
)
