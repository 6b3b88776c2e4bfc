import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"

export const validatePurchaseOrderEditStepId = "validate-purchase-order-edit"

/**
 * Refuses, before anything is resolved or stocked, an edit of items or
 * location on an order that is no longer a draft. (The module checks again
 * under the order's lock.)
 */
export const validatePurchaseOrderEditStep = createStep(
  validatePurchaseOrderEditStepId,
  async (input: { id: string; changes_items: boolean }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const [order] = await stockroom.listPurchaseOrders({ id: input.id }, { select: ["id", "number", "state"], take: 1 })
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase order ${input.id} not found`)
    }
    if (input.changes_items && order.state !== "draft") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${order.number} is ${order.state}: items and location can only be changed while it is a draft`
      )
    }
    return new StepResponse(void 0)
  }
)
