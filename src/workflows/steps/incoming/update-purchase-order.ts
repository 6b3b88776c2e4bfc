import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  STOCKROOM_MODULE,
  UpdatePurchaseOrderInput,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"

export const updatePurchaseOrderStepId = "update-purchase-order"

/**
 * Edits a purchase order under its row lock (the module refuses what its
 * state no longer allows). The last step of its own workflow, but a caller
 * that runs the workflow as a step can fail after it: compensation puts
 * back the fields and items the edit replaced.
 */
export const updatePurchaseOrderStep = createStep(
  updatePurchaseOrderStepId,
  async (input: UpdatePurchaseOrderInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const undo = await stockroom.updatePurchaseOrder(input)
    return new StepResponse(input.id, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.restorePurchaseOrderEdit(undo)
  }
)
