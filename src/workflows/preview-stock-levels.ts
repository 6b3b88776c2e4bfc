import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readBatchLevelsStep, resolveBatchStockRefsStep } from "./steps"

/** One row of `POST /admin/stock-levels/batch`. */
export type StockLevelRow = {
  inventory_item_id?: string
  sku?: string
  location_id: string
  on_hand: number
}

export const previewStockLevelsWorkflowId = "stockroom-preview-stock-levels"

/**
 * What setting the levels would do, writing nothing: every row resolved
 * (bad rows refused as the real run refuses them) with its current on hand
 * and the difference the run would book.
 */
export const previewStockLevelsWorkflow = createWorkflow(
  previewStockLevelsWorkflowId,
  (input: { levels: StockLevelRow[] }) => {
    const lookup = transform({ input }, ({ input }) => ({
      field: "levels",
      unique: true,
      rows: input.levels.map((row) => ({
        inventory_item_id: row.inventory_item_id,
        sku: row.sku,
        location_id: row.location_id,
      })),
    }))
    const resolved = resolveBatchStockRefsStep(lookup)
    const readings = readBatchLevelsStep(resolved)
    const preview = transform({ input, readings }, ({ input, readings }) =>
      readings.map((reading, index) => ({
        index,
        inventory_item_id: reading.inventory_item_id,
        sku: input.levels[index].sku ?? null,
        location_id: reading.location_id,
        on_hand: reading.on_hand,
        reserved: reading.reserved,
        new_on_hand: input.levels[index].on_hand,
        difference: input.levels[index].on_hand - reading.on_hand,
      }))
    )
    return new WorkflowResponse(preview)
  }
)
