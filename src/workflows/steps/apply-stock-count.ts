import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  STOCKROOM_MODULE,
  type IStockroomModuleService,
  type LedgerResult,
} from "../../modules/stockroom/types"

export const applyStockCountStepId = "apply-stock-count"

/**
 * Applies a stock count: its differences are booked and the count marked
 * applied in one transaction. Nothing after it can fail but the events,
 * which are only sent when the workflow succeeds.
 */
export const applyStockCountStep = createStep(
  applyStockCountStepId,
  async (input: { id: string; actor_id?: string | null }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result: LedgerResult = await stockroom.applyStockCount(input.id, input.actor_id ?? null)
    return new StepResponse(result)
  }
)
