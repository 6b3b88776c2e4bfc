import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitStockEventsStep } from "./steps/emit-stock-events"
import { syncVariantBackorderStep } from "./steps/sync-variant-backorder"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"

export type UpdateStockItemWorkflowInput = {
  id: string
  backorderable?: boolean
  low_stock_threshold?: number | null
  /** on hand kept out of sale and out of backorder fills */
  safety_stock?: number
}

export const updateStockItemStepId = "update-stock-item"

export const updateStockItemStep = createStep(
  updateStockItemStepId,
  async ({ safety_stock: _safetyStock, ...input }: UpdateStockItemWorkflowInput, { container }) => {
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

export const setSafetyStockStepId = "set-safety-stock"

/** Sets the safety stock under the stock item's lock; lowering it fills waiting backorders. */
export const setSafetyStockStep = createStep(
  setSafetyStockStepId,
  async (input: { id: string; safety_stock: number }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const { previous_safety_stock, ...result } = await stockroom.setSafetyStock(input.id, input.safety_stock)
    return new StepResponse(result, { id: input.id, safety_stock: previous_safety_stock })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container
      .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      .setSafetyStock(before.id, before.safety_stock)
  }
)

export const updateStockItemWorkflowId = "stockroom-update-stock-item"

/**
 * Changes a stock item's backorderable flag, low-stock threshold or safety
 * stock; Medusa's per-variant `allow_backorder` follows the flag. None of
 * them writes a movement.
 */
export const updateStockItemWorkflow = createWorkflow(
  updateStockItemWorkflowId,
  (input: UpdateStockItemWorkflowInput) => {
    const updated = updateStockItemStep(input)
    const inventoryItemIds = transform({ updated }, ({ updated }) => ({
      inventory_item_ids: [updated.inventory_item_id],
    }))
    syncVariantBackorderStep(inventoryItemIds)
    const fills = when({ input }, ({ input }) => input.safety_stock !== undefined).then(() =>
      setSafetyStockStep(
        transform({ input }, ({ input }) => ({ id: input.id, safety_stock: input.safety_stock! }))
      )
    )
    emitStockEventsStep(transform({ fills }, ({ fills }) => [fills]))
    return new WorkflowResponse(updated)
  }
)
