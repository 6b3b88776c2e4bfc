import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export type RemoveOrderUnitsStepInput = { order_id: string }

export const removeOrderUnitsStepId = "remove-order-units"

/**
 * Removes an order's inventory units, for a checkout Medusa rolls back
 * after they were placed; the reservation Medusa then drops is ledgered by
 * reconciliation. Not undone: it is itself the undoing of placement.
 */
export const removeOrderUnitsStep = createStep(
  removeOrderUnitsStepId,
  async (input: RemoveOrderUnitsStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.deleteInventoryUnits({ order_id: input.order_id })
    return new StepResponse(void 0)
  }
)
