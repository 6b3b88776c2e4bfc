import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { defaultReasonCode, type ReasonCode, type StockMovementKind } from "../modules/stockroom/types"
import {
  emitStockEventsStep,
  ensureStockItemsStep,
  recordStockChangesStep,
  resolveStockItemRefsStep,
  StockAddress,
} from "./steps"

export type CreateStockMovementWorkflowInput = StockAddress & {
  quantity: number
  reason?: string | null
  /** default: `received` for an increase, `correction` for a decrease */
  reason_code?: ReasonCode | null
  note?: string | null
  actor_id?: string | null
}

export const createStockMovementWorkflowId = "stockroom-create-stock-movement"

/**
 * An admin's manual movement: positive quantities are `received`, negative
 * ones `adjusted`. A decrease below zero is refused unless the stock item is
 * backorderable.
 */
export const createStockMovementWorkflow = createWorkflow(
  createStockMovementWorkflowId,
  (input: CreateStockMovementWorkflowInput) => {
    const addresses = transform({ input }, ({ input }) => [
      {
        stock_item_id: input.stock_item_id,
        inventory_item_id: input.inventory_item_id,
        variant_id: input.variant_id,
        location_id: input.location_id,
      },
    ])
    const resolved = resolveStockItemRefsStep(addresses)
    const refs = transform({ resolved }, ({ resolved }) =>
      resolved.map(({ inventory_item_id, location_id }) => ({
        inventory_item_id,
        location_id,
      }))
    )
    const ensured = ensureStockItemsStep(refs)
    const changes = transform(
      { input, resolved, ensured },
      ({ input, resolved, ensured }) => {
        const [ref] = resolved
        const kind: StockMovementKind = input.quantity > 0 ? "received" : "adjusted"
        return [
          {
            stock_item_id:
              ensured.stock_item_ids[`${ref.inventory_item_id}|${ref.location_id}`],
            kind,
            quantity: input.quantity,
            stocked_change: input.quantity,
            enforce_availability: true,
            originator_type: input.actor_id ? ("user" as const) : ("system" as const),
            originator_id: input.actor_id ?? null,
            actor_id: input.actor_id ?? null,
            reason: input.reason ?? null,
            reason_code: input.reason_code ?? defaultReasonCode(input.quantity),
            note: input.note ?? null,
          },
        ]
      }
    )
    const result = recordStockChangesStep(changes)
    const results = transform({ result }, ({ result }) => [result])
    emitStockEventsStep(results)
    const movement = transform({ result }, ({ result }) =>
      result.movements.filter((m) => m.kind !== "reconciled").pop()!
    )
    return new WorkflowResponse(movement)
  }
)
