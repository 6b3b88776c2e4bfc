import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  dismissItemReturnRequestWorkflow,
  emitEventStep,
  receiveItemReturnRequestWorkflow,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { StockroomEvents } from "../modules/stockroom/events"
import {
  addOrderCreditLineStep,
  claimReturnAuthorizationReceiptStep,
  emitStockEventsStep,
  ensureStockItemsStep,
  readOrderPendingDifferenceStep,
  receiveReturnAuthorizationUnitsStep,
  validateReturnAuthorizationReceiptStep,
} from "./steps"

export const receiveReturnAuthorizationWorkflowId = "stockroom-receive-return-authorization"

/**
 * Receives an authorized return by driving Medusa's own return flow, so
 * Medusa's order shows the items returned: begin return → request the
 * items → confirm → begin receive → receive the resellable items of tracked
 * variants at a location that restocks (Medusa restocks them) and the rest
 * as damaged (returned, no restock) → confirm. Then, still inside this
 * workflow and before Medusa's level events are out, the units become
 * returned and the restock is ledgered once as `returned` (originator: the
 * authorization). Medusa credits the order the items' value; a credit line
 * (reference `return_authorization`) makes the amount owed to the customer
 * equal the authorization's amount, which the admin refunds through
 * Medusa's payment refund.
 */
export const receiveReturnAuthorizationWorkflow = createWorkflow(
  receiveReturnAuthorizationWorkflowId,
  (input: { id: string; received_by?: string | null }) => {
    const plan = validateReturnAuthorizationReceiptStep(input)
    ensureStockItemsStep(transform({ plan }, ({ plan }) => plan.refs))
    claimReturnAuthorizationReceiptStep(input)

    const authorization = transform({ plan }, ({ plan }) => plan.return_authorization)
    const note = transform(
      { authorization },
      ({ authorization }) => `Return authorization ${authorization.number}: ${authorization.reason}`
    )
    const orderChange = beginReturnOrderWorkflow.runAsStep({
      input: transform({ authorization, input, note }, ({ authorization, input, note }) => ({
        order_id: authorization.order_id,
        location_id: authorization.location_id,
        created_by: input.received_by ?? undefined,
        internal_note: note,
        metadata: {
          return_authorization_id: authorization.id,
          return_authorization_number: authorization.number,
        },
      })),
    })
    const returnId = transform({ orderChange }, ({ orderChange }) => orderChange.return_id as string)
    requestItemReturnWorkflow.runAsStep({
      input: transform({ returnId, plan }, ({ returnId, plan }) => ({
        return_id: returnId,
        items: plan.return_items,
      })),
    })
    const orderId = transform({ authorization }, ({ authorization }) => ({
      order_id: authorization.order_id,
    }))
    const owedBefore = readOrderPendingDifferenceStep(orderId).config({
      name: "read-pending-difference-before-return",
    })
    const confirmation = transform({ returnId, input }, ({ returnId, input }) => ({
      return_id: returnId,
      confirmed_by: input.received_by ?? undefined,
    }))
    confirmReturnRequestWorkflow.runAsStep({ input: confirmation })
    beginReceiveReturnWorkflow.runAsStep({
      input: transform({ returnId, input, note }, ({ returnId, input, note }) => ({
        return_id: returnId,
        created_by: input.received_by ?? undefined,
        internal_note: note,
      })),
    })
    when("receive-into-stock", { plan }, ({ plan }) => plan.receive_items.length > 0).then(() => {
      receiveItemReturnRequestWorkflow.runAsStep({
        input: transform({ returnId, plan }, ({ returnId, plan }) => ({
          return_id: returnId,
          items: plan.receive_items,
        })),
      })
    })
    when("receive-as-damaged", { plan }, ({ plan }) => plan.dismiss_items.length > 0).then(() => {
      dismissItemReturnRequestWorkflow.runAsStep({
        input: transform({ returnId, plan }, ({ returnId, plan }) => ({
          return_id: returnId,
          items: plan.dismiss_items,
        })),
      })
    })
    confirmReturnReceiveWorkflow.runAsStep({ input: confirmation })

    // Book Medusa's restock right away, while its level events are held
    // back with this workflow's: nothing else can have ledgered it yet.
    const owedAfter = readOrderPendingDifferenceStep(orderId).config({
      name: "read-pending-difference-after-return",
    })
    const itemsValue = transform({ owedBefore, owedAfter }, ({ owedBefore, owedAfter }) =>
      Number((owedBefore - owedAfter).toFixed(6))
    )
    const received = receiveReturnAuthorizationUnitsStep(
      transform({ plan, returnId, itemsValue, input }, ({ plan, returnId, itemsValue, input }) => ({
        return_authorization_id: plan.return_authorization.id,
        return_id: returnId,
        items_value: itemsValue,
        received_by: input.received_by ?? null,
        restocked_item_ids: plan.restocked_item_ids,
      }))
    )

    const credit = transform(
      { authorization, itemsValue, input },
      ({ authorization, itemsValue, input }) => ({
        order_id: authorization.order_id,
        amount: Number((Number(authorization.amount) - itemsValue).toFixed(6)),
        reference: "return_authorization",
        reference_id: authorization.id,
        created_by: input.received_by ?? null,
        internal_note: `Return authorization ${authorization.number}: credit ${authorization.amount} for items Medusa valued at ${itemsValue}`,
      })
    )
    when("adjust-credit", { credit }, ({ credit }) => credit.amount !== 0).then(() => {
      addOrderCreditLineStep(credit)
    })

    emitStockEventsStep(transform({ received }, ({ received }) => [received]))
    emitEventStep({
      eventName: StockroomEvents.RETURN_AUTHORIZATION_RECEIVED,
      data: transform(
        { authorization, returnId, itemsValue },
        ({ authorization, returnId, itemsValue }) => ({
          id: authorization.id,
          number: authorization.number,
          order_id: authorization.order_id,
          return_id: returnId,
          amount: authorization.amount,
          items_value: itemsValue,
          currency_code: authorization.currency_code,
        })
      ),
    })
    return new WorkflowResponse(
      transform({ authorization, returnId }, ({ authorization, returnId }) => ({
        id: authorization.id,
        return_id: returnId,
      }))
    )
  }
)
