import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type CheckoutHoldRow, type IStockroomModuleService } from "../../modules/stockroom/types"

export const releaseCartHoldStepId = "release-cart-hold"

/**
 * Releases a cart's checkout hold (the customer left, or the cart's own
 * checkout consumed it) and returns the rows that went. Compensation puts
 * them back as they were, so a checkout that rolls back after consuming its
 * hold still holds the stock (unless the cart has held again meanwhile).
 */
export const releaseCartHoldStep = createStep(
  releaseCartHoldStepId,
  async (input: { cart_id?: string | null }, { container }) => {
    if (!input.cart_id) {
      return new StepResponse([] as CheckoutHoldRow[], [] as CheckoutHoldRow[])
    }
    const released = await container
      .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      .releaseCartHold(input.cart_id)
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    if (!released?.length) {
      return
    }
    await container.resolve<IStockroomModuleService>(STOCKROOM_MODULE).restoreCartHold(released)
  }
)
