import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  type LineReallocationPlan,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const validateOrderLineReallocationStepId = "validate-order-line-reallocation"

/**
 * Finds the order and its line (404 when either is unknown) and asks
 * Stockroom whether the line's unshipped rest may move to the location
 * (400 naming why not). Returns the plan the later steps carry out.
 */
export const validateOrderLineReallocationStep = createStep(
  validateOrderLineReallocationStepId,
  async (input: { order_id: string; line_item_id: string; location_id: string }, { container }) => {
    const {
      data: [order],
    } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "sales_channel_id", "items.id"],
      filters: { id: input.order_id },
    })
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    if (!(order.items ?? []).some((item: any) => item?.id === input.line_item_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Line item ${input.line_item_id} is not a line of order ${input.order_id}`
      )
    }
    if (!order.sales_channel_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${input.order_id} has no sales channel, so it has no locations to move a line to`
      )
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const plan: LineReallocationPlan = await stockroom.planLineReallocation({
      ...input,
      sales_channel_id: order.sales_channel_id,
    })
    return new StepResponse(plan)
  }
)
