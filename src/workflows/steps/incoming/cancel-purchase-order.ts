import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"

export const cancelPurchaseOrderStepId = "cancel-purchase-order"

/** Cancels the order. Compensation restores the state it had. */
export const cancelPurchaseOrderStep = createStep(
  cancelPurchaseOrderStepId,
  async (id: string, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const previous = await stockroom.cancelPurchaseOrder(id)
    return new StepResponse(id, { id, previous })
  },
  async (undo, { container }) => {
    if (!undo?.id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.updatePurchaseOrders({ id: undo.id, state: undo.previous, closed_at: null })
  }
)
