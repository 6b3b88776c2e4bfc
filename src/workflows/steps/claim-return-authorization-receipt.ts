import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const claimReturnAuthorizationReceiptStepId = "claim-return-authorization-receipt"

/**
 * Marks the authorization received under a row lock before Medusa's return
 * runs, so a second receipt of the same authorization is refused instead of
 * driving a second return. Compensation makes it authorized again.
 */
export const claimReturnAuthorizationReceiptStep = createStep(
  claimReturnAuthorizationReceiptStepId,
  async (input: { id: string; received_by?: string | null }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.claimReturnAuthorizationReceipt(input.id, input.received_by ?? null)
    return new StepResponse(void 0, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.releaseReturnAuthorizationReceipt(id)
  }
)
