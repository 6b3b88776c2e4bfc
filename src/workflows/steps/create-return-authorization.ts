import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CreateReturnAuthorizationInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const createReturnAuthorizationStepId = "create-return-authorization"

/**
 * Writes the authorization and its items and marks the units authorized for
 * return, in one transaction under the order's unit lock. Compensation
 * releases the units and removes the authorization.
 */
export const createReturnAuthorizationStep = createStep(
  createReturnAuthorizationStepId,
  async (input: CreateReturnAuthorizationInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const authorization = await stockroom.createReturnAuthorization(input)
    return new StepResponse(authorization, authorization.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.removeReturnAuthorization(id)
  }
)
