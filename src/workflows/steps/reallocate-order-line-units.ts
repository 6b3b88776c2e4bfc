import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  type LineReallocationPlan,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const reallocateOrderLineUnitsStepId = "reallocate-order-line-units"

/**
 * Moves the line's unshipped units to the plan's location and ledgers the
 * reservations' move (`released` at the source, `allocated` at the target),
 * filling the source's backorders. It is the workflow's last change and runs
 * in one transaction: when it fails nothing of it stays, and the
 * reservations step before it moves the reservations back.
 */
export const reallocateOrderLineUnitsStep = createStep(
  reallocateOrderLineUnitsStepId,
  async (plan: LineReallocationPlan, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    return new StepResponse(await stockroom.reallocateOrderLineUnits(plan))
  }
)
