import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type CartStockLine, type IStockroomModuleService } from "../../modules/stockroom/types"

export const holdCartStockStepId = "hold-cart-stock"

/**
 * Holds (or renews) a cart's stock for checkout. Compensation releases it:
 * a hold is never ledgered, so releasing is all there is to undo.
 */
export const holdCartStockStep = createStep(
  holdCartStockStepId,
  async (input: { cart_id: string; sales_channel_id: string; lines: CartStockLine[] }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const hold = await stockroom.holdCartStock(input.cart_id, input.sales_channel_id, input.lines)
    return new StepResponse(hold, input.cart_id)
  },
  async (cartId, { container }) => {
    if (!cartId) {
      return
    }
    await container.resolve<IStockroomModuleService>(STOCKROOM_MODULE).releaseCartHold(cartId)
  }
)
