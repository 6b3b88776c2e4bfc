import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ApplyStockChangeInput,
  MovementAttribution,
  SetStockLevelInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"
import { appliedMovementIds, reverseAppliedMovements } from "./reverse-applied-movements"

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
    return new StepResponse(result, appliedMovementIds(result))
  },
  async (movementIds, { container }) => await reverseAppliedMovements(container, movementIds)
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
    return new StepResponse(result, appliedMovementIds(result))
  },
  async (movementIds, { container }) => await reverseAppliedMovements(container, movementIds)
)
