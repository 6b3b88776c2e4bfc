import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const releaseCartHoldStepId = "release-cart-hold"

/**
 * Releases a cart's checkout hold (the customer left, or the cart's own
 * checkout consumed it). Nothing to compensate: an expiring reservation of
 * stock is not worth restoring, and the cart may hold again.
 */
export const releaseCartHoldStep = createStep(
  releaseCartHoldStepId,
  async (input: { cart_id?: string | null }, { container }) => {
    if (!input.cart_id) {
      return new StepResponse(0)
    }
    const released = await container
      .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      .releaseCartHold(input.cart_id)
    return new StepResponse(released)
  }
)
