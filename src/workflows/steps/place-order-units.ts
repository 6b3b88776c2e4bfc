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
 * The cart's checkout hold goes in the same transaction. Compensation
 * removes the units it created (the reservation Medusa then drops is
 * ledgered by reconciliation) and puts the hold back.
 */
export const placeOrderUnitsStep = createStep(
  placeOrderUnitsStepId,
  async (input: PlaceOrderUnitsInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result = await stockroom.placeOrderUnits(input)
    return new StepResponse(result, {
      order_id: result.created ? input.order_id : undefined,
      released_hold: result.released_hold,
    })
  },
  async (placed, { container }) => {
    if (!placed) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    if (placed.order_id) {
      await stockroom.deleteInventoryUnits({ order_id: placed.order_id })
    }
    if (placed.released_hold.length) {
      await stockroom.restoreCartHold(placed.released_hold)
    }
  }
)
