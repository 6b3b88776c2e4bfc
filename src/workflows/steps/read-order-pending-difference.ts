import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { quantityOf } from "../../lib/medusa-values"

export const readOrderPendingDifferenceStepId = "read-order-pending-difference"

/**
 * The order summary's pending difference (negative: money owed to the
 * customer), so a workflow can tell what a Medusa operation credited.
 * Reads only.
 */
export const readOrderPendingDifferenceStep = createStep(
  readOrderPendingDifferenceStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "total", "summary"],
      filters: { id: input.order_id },
    })
    const summary = (order as any)?.summary ?? {}
    return new StepResponse(
      quantityOf(summary.raw_pending_difference ?? summary.pending_difference ?? 0)
    )
  }
)
