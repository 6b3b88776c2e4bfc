import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"

export const orderPurchaseOrderStepId = "order-purchase-order"

/** A draft becomes ordered. Compensation puts it back to draft. */
export const orderPurchaseOrderStep = createStep(
  orderPurchaseOrderStepId,
  async (id: string, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.orderPurchaseOrder(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.updatePurchaseOrders({ id, state: "draft", ordered_at: null })
  }
)
