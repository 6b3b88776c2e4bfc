import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ReceivePurchaseOrderInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"

export const receivePurchaseOrderStepId = "receive-purchase-order"

/**
 * Books one receipt: counts, state, `received` movements and backorder
 * fills in one transaction under a lock on the order. Compensation takes the
 * goods back out with new movements and removes the receipt.
 */
export const receivePurchaseOrderStep = createStep(
  receivePurchaseOrderStepId,
  async (input: ReceivePurchaseOrderInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const receipt = await stockroom.receivePurchaseOrder(input)
    return new StepResponse(receipt, receipt.receipt_id)
  },
  async (receiptId, { container }) => {
    if (!receiptId) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.revertPurchaseOrderReceipt(receiptId)
  }
)
