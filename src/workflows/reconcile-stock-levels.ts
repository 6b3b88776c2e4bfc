import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type {
  MovementAttribution,
  StockItemRef,
  StockMovementKind,
} from "../modules/stockroom/types"
import {
  emitStockEventsStep,
  ensureStockItemsStep,
  reconcileStockItemsStep,
} from "./steps"

export type ReconcileStockLevelsWorkflowInput = {
  refs: StockItemRef[]
  kind?: StockMovementKind
  attribution?: MovementAttribution
}

export const reconcileStockLevelsWorkflowId = "stockroom-reconcile-stock-levels"

/**
 * Ledgers changes Medusa made to the given levels (its admin forms, its
 * fulfillment and return flows, direct module calls). A level without a
 * stock item gets one, with its stock as the opening balance.
 */
export const reconcileStockLevelsWorkflow = createWorkflow(
  reconcileStockLevelsWorkflowId,
  (input: ReconcileStockLevelsWorkflowInput) => {
    const ensured = ensureStockItemsStep(input.refs)
    const inputs = transform({ input, ensured }, ({ input, ensured }) =>
      Object.values(ensured.stock_item_ids).map((stock_item_id) => ({
        stock_item_id,
        kind: input.kind,
        ...(input.attribution ?? {}),
      }))
    )
    const result = reconcileStockItemsStep(inputs)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    return new WorkflowResponse(result)
  }
)
