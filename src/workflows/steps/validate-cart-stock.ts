import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type CartStockLine, type IStockroomModuleService } from "../../modules/stockroom/types"
import { describeCheckoutShortfalls } from "../../modules/stockroom/lib/shortfall"

export type ValidateCartStockStepInput = {
  sales_channel_id: string | null
  /** the cart being checked: its own checkout holds count as its own */
  cart_id?: string | null
  lines: CartStockLine[]
}

export const validateCartStockStepId = "validate-cart-stock"

/**
 * Refuses (400) what the store's policy does not let a cart take: more
 * than the channel's stock of a variant, unless backorders are allowed and
 * the variant is backorderable there. Lines of one variant are summed.
 * Nothing to check without a channel, without lines or with tracking off.
 */
export const validateCartStockStep = createStep(
  validateCartStockStepId,
  async (input: ValidateCartStockStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    if (
      !input.sales_channel_id ||
      !input.lines.length ||
      !stockroom.getOptions().track_inventory_levels
    ) {
      return new StepResponse(void 0)
    }
    const { refused } = await stockroom.checkCartStock(
      input.sales_channel_id,
      input.lines,
      input.cart_id ?? null
    )
    if (refused.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCheckoutShortfalls(refused))
    }
    return new StepResponse(void 0)
  }
)
