import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CreatePurchaseOrderInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"

export const createPurchaseOrderStepId = "create-purchase-order"

/** Writes the purchase order and its items. Compensation removes both. */
export const createPurchaseOrderStep = createStep(
  createPurchaseOrderStepId,
  async (input: CreatePurchaseOrderInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const id = await stockroom.createPurchaseOrder(input)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const items = await stockroom.listPurchaseOrderItems({ purchase_order_id: id } as any, { select: ["id"] })
    if (items.length) {
      await stockroom.deletePurchaseOrderItems(items.map((item) => item.id))
    }
    await stockroom.deletePurchaseOrders([id])
  }
)
