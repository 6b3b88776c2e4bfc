import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ApplyStockChangeInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"
import { appliedMovementIds, reverseAppliedMovements } from "./reverse-applied-movements"

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
    const result = await stockroom.applyStockChanges(changes)
    return new StepResponse(result, appliedMovementIds(result))
  },
  async (movementIds, { container }) => await reverseAppliedMovements(container, movementIds)
)
