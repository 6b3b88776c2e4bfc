import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { StockroomEvents } from "../modules/stockroom/events"
import { cancelReturnAuthorizationStep } from "./steps"

export const cancelReturnAuthorizationWorkflowId = "stockroom-cancel-return-authorization"

/**
 * Cancels an authorization that has not been received: its units are no
 * longer authorized for return. Refused once received or canceled.
 */
export const cancelReturnAuthorizationWorkflow = createWorkflow(
  cancelReturnAuthorizationWorkflowId,
  (input: { id: string; canceled_by?: string | null }) => {
    const authorization = cancelReturnAuthorizationStep(input)
    emitEventStep({
      eventName: StockroomEvents.RETURN_AUTHORIZATION_CANCELED,
      data: transform({ authorization }, ({ authorization }) => ({
        id: authorization.id,
        number: authorization.number,
        order_id: authorization.order_id,
      })),
    })
    return new WorkflowResponse(authorization)
  }
)
