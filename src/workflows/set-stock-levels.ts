import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ReasonCode } from "../modules/stockroom/types"
import { pairKey } from "../modules/stockroom/ledger/sql"
import {
  emitStockEventsStep,
  ensureStockItemsStep,
  resolveBatchStockRefsStep,
  setStockLevelsStep,
} from "./steps"
import type { StockLevelRow } from "./preview-stock-levels"

export type SetStockLevelsWorkflowInput = {
  levels: StockLevelRow[]
  /** default `correction` */
  reason_code?: ReasonCode | null
  note?: string | null
  actor_id?: string | null
}

export const setStockLevelsWorkflowId = "stockroom-set-stock-levels"

/**
 * Absolute physical on-hand levels (an ERP feed, a spreadsheet): each row's
 * difference from the current stocked quantity becomes one `adjusted`
 * movement, booked in one transaction; equal levels write nothing; units a
 * decrease leaves without stock become backordered and backorders fill.
 */
export const setStockLevelsWorkflow = createWorkflow(
  setStockLevelsWorkflowId,
  (input: SetStockLevelsWorkflowInput) => {
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
    const ensured = ensureStockItemsStep(resolved)
    const request = transform({ input, resolved, ensured }, ({ input, resolved, ensured }) => ({
      levels: input.levels.map((row, index) => ({
        stock_item_id: ensured.stock_item_ids[pairKey(resolved[index])],
        on_hand: row.on_hand,
      })),
      attribution: {
        originator_type: input.actor_id ? ("user" as const) : ("system" as const),
        originator_id: input.actor_id ?? null,
        actor_id: input.actor_id ?? null,
        reason_code: input.reason_code ?? ("correction" as const),
        note: input.note ?? null,
      },
    }))
    const result = setStockLevelsStep(request)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    const summary = transform({ result }, ({ result }) => {
      const movements = result.movements.filter((m) => m.kind !== "reconciled")
      return {
        changed: movements.length,
        unchanged: result.unchanged,
        stock_movements: movements,
        backorders_filled: result.filled.length,
      }
    })
    return new WorkflowResponse(summary)
  }
)
