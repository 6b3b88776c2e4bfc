import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { StockroomEvents } from "../../modules/stockroom/events"
import type { CreatePurchaseOrderInput } from "../../modules/stockroom/types"
import { ensureStockItemsStep, resolveStockItemRefsStep } from "../steps"
import { createPurchaseOrderStep } from "../steps/incoming"

export type CreatePurchaseOrderWorkflowInput = Omit<CreatePurchaseOrderInput, "items"> & {
  items: { inventory_item_id?: string; variant_id?: string; quantity: number; unit_cost?: number | null }[]
}

export const createPurchaseOrderWorkflowId = "stockroom-create-purchase-order"

/**
 * Writes a purchase order for a location: variants resolve to their
 * inventory item, unknown items and locations are refused, and each item
 * gets a stock item at the location so its receipts can be booked. Ordered
 * at once when asked (`stockroom.purchase_order.ordered`).
 */
export const createPurchaseOrderWorkflow = createWorkflow(
  createPurchaseOrderWorkflowId,
  (input: CreatePurchaseOrderWorkflowInput) => {
    const resolved = resolveStockItemRefsStep(
      transform({ input }, ({ input }) =>
        input.items.map((item) => ({
          inventory_item_id: item.inventory_item_id,
          variant_id: item.variant_id,
          location_id: input.location_id,
        }))
      )
    )
    ensureStockItemsStep(
      transform({ resolved }, ({ resolved }) =>
        resolved.map(({ inventory_item_id, location_id }) => ({ inventory_item_id, location_id }))
      )
    )
    const id = createPurchaseOrderStep(
      transform({ input, resolved }, ({ input, resolved }): CreatePurchaseOrderInput => ({
        ...input,
        items: input.items.map((item, index) => ({
          inventory_item_id: resolved[index].inventory_item_id,
          variant_id: resolved[index].variant_id,
          quantity: item.quantity,
          unit_cost: item.unit_cost ?? null,
        })),
      }))
    )
    when("emit-ordered", { input }, ({ input }) => !!input.ordered).then(() => {
      emitEventStep({
        eventName: StockroomEvents.PURCHASE_ORDER_ORDERED,
        data: transform({ id, input }, ({ id, input }) => ({ id, location_id: input.location_id })),
      })
    })
    return new WorkflowResponse(id)
  }
)
