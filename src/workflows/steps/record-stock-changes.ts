import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ApplyStockChangeInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"
import type { LedgerResult } from "../../modules/stockroom/types"

export const recordStockChangesStepId = "record-stock-changes"

/**
 * The one step that changes stock. Medusa's level and the movement are
 * written together under a lock on the stock item; compensation books the
 * negated deltas as new movements (the ledger is never edited).
 */
export const recordStockChangesStep = createStep(
  recordStockChangesStepId,
  async (changes: ApplyStockChangeInput[], { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result: LedgerResult = await stockroom.applyStockChanges(changes)
    const applied = result.movements
      .filter((movement) => movement.kind !== "reconciled")
      .map((movement) => ({
        id: movement.id,
        stock_item_id: movement.stock_item_id,
        quantity: movement.quantity,
        stocked_change: movement.stocked_change,
      }))
    return new StepResponse(result, applied)
  },
  async (applied, { container }) => {
    if (!applied?.length) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.applyStockChanges(
      applied.map((movement) => ({
        stock_item_id: movement.stock_item_id,
        kind: "adjusted" as const,
        quantity: -movement.quantity,
        stocked_change: -movement.stocked_change,
        originator_type: "system" as const,
        reason: "rollback",
        note: `Reverses movement ${movement.id}: the operation that wrote it failed`,
        metadata: { compensates: movement.id },
      }))
    )
  }
)
