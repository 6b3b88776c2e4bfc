import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const cancelReturnAuthorizationStepId = "cancel-return-authorization"

/**
 * Cancels an authorization that is still authorized (refused otherwise) and
 * releases its units. Compensation authorizes it again with the same units.
 */
export const cancelReturnAuthorizationStep = createStep(
  cancelReturnAuthorizationStepId,
  async (input: { id: string; canceled_by?: string | null }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const { return_authorization, released_unit_ids } = await stockroom.cancelReturnAuthorization(
      input.id,
      input.canceled_by ?? null
    )
    return new StepResponse(return_authorization, { id: input.id, unit_ids: released_unit_ids })
  },
  async (canceled, { container }) => {
    if (!canceled?.id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.reopenReturnAuthorization(canceled.id, canceled.unit_ids)
  }
)
