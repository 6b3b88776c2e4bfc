import { ChangeActionType, Modules, OrderChangeType } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type AddOrderCreditLineStepInput = {
  order_id: string
  /** positive: more credit for the customer; negative: less */
  amount: number
  reference: string
  reference_id: string
  created_by?: string | null
  internal_note?: string | null
}

export const addOrderCreditLineStepId = "add-order-credit-line"

/**
 * Adds a credit line to the order through Medusa's own order change
 * (`credit_line` change, `CREDIT_LINE_ADD` action, confirmed), so the order
 * total, its summary's pending difference and the order page all show it.
 * Medusa's createOrderCreditLinesWorkflow only settles an existing pending
 * difference (it refuses extra credit when money is already owed), so the
 * change is made here. Compensation undoes the order version it created.
 */
export const addOrderCreditLineStep = createStep(
  addOrderCreditLineStepId,
  async (input: AddOrderCreditLineStepInput, { container }) => {
    const orderModule = container.resolve(Modules.ORDER)
    const change = await orderModule.createOrderChange({
      order_id: input.order_id,
      change_type: OrderChangeType.CREDIT_LINE,
      created_by: input.created_by ?? undefined,
      internal_note: input.internal_note ?? null,
      actions: [
        {
          order_id: input.order_id,
          action: ChangeActionType.CREDIT_LINE_ADD,
          reference: input.reference,
          reference_id: input.reference_id,
          amount: input.amount,
        },
      ],
    })
    await orderModule.confirmOrderChange({
      id: change.id,
      confirmed_by: input.created_by ?? undefined,
    })
    const order = (await orderModule.retrieveOrder(input.order_id, {
      relations: ["credit_lines"],
    })) as { credit_lines?: { id: string; reference_id?: string | null }[] }
    const created = (order.credit_lines ?? []).find((line) => line.reference_id === input.reference_id)
    return new StepResponse(
      { order_change_id: change.id, credit_line_id: created?.id ?? null },
      { order_id: input.order_id, order_change_id: change.id }
    )
  },
  async (added, { container }) => {
    if (!added?.order_change_id) {
      return
    }
    const orderModule = container.resolve(Modules.ORDER)
    await orderModule.undoLastChange(added.order_id, { status: "pending" } as any)
    await orderModule.deleteOrderChanges([added.order_change_id])
  }
)
