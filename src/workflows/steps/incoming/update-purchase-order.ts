import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  STOCKROOM_MODULE,
  UpdatePurchaseOrderInput,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"

export const updatePurchaseOrderStepId = "update-purchase-order"

/**
 * Edits a purchase order under its row lock (the module refuses what its
 * state no longer allows). The workflow's last mutating step: nothing after
 * it can fail, so there is nothing to undo.
 */
export const updatePurchaseOrderStep = createStep(
  updatePurchaseOrderStepId,
  async (input: UpdatePurchaseOrderInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.updatePurchaseOrder(input)
    return new StepResponse(input.id)
  }
)
