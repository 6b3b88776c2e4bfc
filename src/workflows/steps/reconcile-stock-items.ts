import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ReconcileStockItemInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const reconcileStockItemsStepId = "reconcile-stock-items"

/**
 * Ledgers what Medusa changed on its own. It only records what already
 * happened to a level, so there is nothing to undo: if Medusa reverts its
 * change, the next reconciliation records that too.
 */
export const reconcileStockItemsStep = createStep(
  reconcileStockItemsStepId,
  async (inputs: ReconcileStockItemInput[], { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.reconcileStockItems(inputs))
  }
)
