import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ApplyStockChangeInput,
  LedgerResult,
  MovementAttribution,
  SetStockLevelInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

type AppliedMovement = {
  id: string
  stock_item_id: string
  quantity: number
  stocked_change: number
}

function appliedOf(result: LedgerResult): AppliedMovement[] {
  return result.movements
    .filter((movement) => movement.kind !== "reconciled")
    .map(({ id, stock_item_id, quantity, stocked_change }) => ({
      id,
      stock_item_id,
      quantity,
      stocked_change,
    }))
}

/** Books the negated deltas as new movements, in one batch (the ledger is never edited). */
async function reverseMovements(container: MedusaContainer, applied?: AppliedMovement[]) {
  if (!applied?.length) {
    return
  }
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  await stockroom.applyStockChangeBatch(
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

export const recordStockChangeBatchStepId = "record-stock-change-batch"

/**
 * Books a batch of changes in one transaction under locks taken in stock
 * item id order, set-based; any refused row refuses the batch, named by
 * its index. Compensation books the negated deltas.
 */
export const recordStockChangeBatchStep = createStep(
  recordStockChangeBatchStepId,
  async (changes: ApplyStockChangeInput[], { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result = await stockroom.applyStockChangeBatch(changes)
    return new StepResponse(result, appliedOf(result))
  },
  async (applied, { container }) => await reverseMovements(container, applied)
)

export const setStockLevelsStepId = "set-stock-levels"

/**
 * Sets absolute physical on-hand levels: each non-zero difference from
 * Medusa's stocked quantity, read under the lock, is one movement.
 * Compensation books the negated deltas.
 */
export const setStockLevelsStep = createStep(
  setStockLevelsStepId,
  async (
    input: { levels: SetStockLevelInput[]; attribution: MovementAttribution },
    { container }
  ) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result = await stockroom.setStockLevels(input.levels, input.attribution)
    return new StepResponse(result, appliedOf(result))
  },
  async (applied, { container }) => await reverseMovements(container, applied)
)
