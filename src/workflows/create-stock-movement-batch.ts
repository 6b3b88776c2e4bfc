import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  defaultReasonCode,
  type ApplyStockChangeInput,
  type StockMovementKind,
} from "../modules/stockroom/types"
import { pairKey } from "../modules/stockroom/ledger/sql"
import {
  emitStockEventsStep,
  ensureStockItemsStep,
  recordStockChangeBatchStep,
  resolveBatchStockRefsStep,
} from "./steps"
import type { CreateStockMovementWorkflowInput } from "./create-stock-movement"

export type CreateStockMovementBatchWorkflowInput = {
  /** each as the single movement's body (plus `sku` as an address) */
  movements: (Omit<CreateStockMovementWorkflowInput, "actor_id"> & { sku?: string })[]
  actor_id?: string | null
}

export const createStockMovementBatchWorkflowId = "stockroom-create-stock-movement-batch"

/**
 * Up to 10,000 manual movements, all or nothing: every row is resolved
 * first (any unknown reference refuses the batch, naming each row), then
 * all are booked in one transaction, each exactly as the single movement
 * (`received` for an increase, `adjusted` for a decrease, refused below
 * zero on a stock item that is not backorderable).
 */
export const createStockMovementBatchWorkflow = createWorkflow(
  createStockMovementBatchWorkflowId,
  (input: CreateStockMovementBatchWorkflowInput) => {
    const lookup = transform({ input }, ({ input }) => ({
      field: "movements",
      rows: input.movements.map((row) => ({
        stock_item_id: row.stock_item_id,
        inventory_item_id: row.inventory_item_id,
        variant_id: row.variant_id,
        sku: row.sku,
        location_id: row.location_id,
      })),
    }))
    const resolved = resolveBatchStockRefsStep(lookup)
    const ensured = ensureStockItemsStep(resolved)
    const changes = transform({ input, resolved, ensured }, ({ input, resolved, ensured }) =>
      input.movements.map((row, index): ApplyStockChangeInput => {
        const kind: StockMovementKind = row.quantity > 0 ? "received" : "adjusted"
        return {
          stock_item_id: ensured.stock_item_ids[pairKey(resolved[index])],
          kind,
          quantity: row.quantity,
          stocked_change: row.quantity,
          enforce_availability: true,
          originator_type: input.actor_id ? "user" : "system",
          originator_id: input.actor_id ?? null,
          actor_id: input.actor_id ?? null,
          reason: row.reason ?? null,
          reason_code: row.reason_code ?? defaultReasonCode(row.quantity),
          note: row.note ?? null,
        }
      })
    )
    const result = recordStockChangeBatchStep(changes)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    const summary = transform({ result }, ({ result }) => {
      const movements = result.movements.filter((m) => m.kind !== "reconciled")
      return {
        count: movements.length,
        stock_movements: movements,
        backorders_filled: result.filled.length,
      }
    })
    return new WorkflowResponse(summary)
  }
)
