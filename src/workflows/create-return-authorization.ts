import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { StockroomEvents } from "../modules/stockroom/events"
import {
  createReturnAuthorizationStep,
  validateReturnAuthorizationStep,
  ValidateReturnAuthorizationStepInput,
} from "./steps"

export type CreateReturnAuthorizationWorkflowInput = ValidateReturnAuthorizationStepInput

export const createReturnAuthorizationWorkflowId = "stockroom-create-return-authorization"

/**
 * Authorizes the return of part (or all) of a shipped order (Spree's
 * ReturnAuthorization): which units, why, where they come back to and the
 * credit owed (by default Medusa's value of the items). The units are
 * marked authorized for return; nothing moves until it is received.
 */
export const createReturnAuthorizationWorkflow = createWorkflow(
  createReturnAuthorizationWorkflowId,
  (input: CreateReturnAuthorizationWorkflowInput) => {
    const resolved = validateReturnAuthorizationStep(input)
    const authorization = createReturnAuthorizationStep(resolved)
    emitEventStep({
      eventName: StockroomEvents.RETURN_AUTHORIZATION_AUTHORIZED,
      data: transform({ authorization }, ({ authorization }) => ({
        id: authorization.id,
        number: authorization.number,
        order_id: authorization.order_id,
        amount: authorization.amount,
        currency_code: authorization.currency_code,
        location_id: authorization.location_id,
      })),
    })
    return new WorkflowResponse(authorization)
  }
)
