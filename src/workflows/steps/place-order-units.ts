import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PlaceOrderUnitsInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const placeOrderUnitsStepId = "place-order-units"

/**
 * Creates the order's inventory units (on_hand up to the free stock, the
 * rest backordered) and ledgers Medusa's reservation as `allocated`.
 * Compensation removes the units it created; the reservation Medusa then
 * drops is ledgered by reconciliation.
 */
export const placeOrderUnitsStep = createStep(
  placeOrderUnitsStepId,
  async (input: PlaceOrderUnitsInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result = await stockroom.placeOrderUnits(input)
    return new StepResponse(result, result.created ? input.order_id : undefined)
  },
  async (orderId, { container }) => {
    if (!orderId) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.deleteInventoryUnits({ order_id: orderId })
  }
)
