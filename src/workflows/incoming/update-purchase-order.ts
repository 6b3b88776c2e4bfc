import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdatePurchaseOrderInput } from "../../modules/stockroom/types"
import { ensureStockItemsStep, resolveStockItemRefsStep } from "../steps"
import { updatePurchaseOrderStep, validatePurchaseOrderEditStep } from "../steps/incoming"
import type { CreatePurchaseOrderWorkflowInput } from "./create-purchase-order"

export type UpdatePurchaseOrderWorkflowInput = Omit<UpdatePurchaseOrderInput, "items"> & {
  items?: CreatePurchaseOrderWorkflowInput["items"]
  /** where the items are stocked: the order's location, or the new one */
  resolved_location_id: string
}

export const updatePurchaseOrderWorkflowId = "stockroom-update-purchase-order"

/**
 * Edits a purchase order; new items resolve like the create's. The module
 * refuses, under the order's lock, any change its state no longer allows.
 */
export const updatePurchaseOrderWorkflow = createWorkflow(
  updatePurchaseOrderWorkflowId,
  (input: UpdatePurchaseOrderWorkflowInput) => {
    validatePurchaseOrderEditStep(
      transform({ input }, ({ input }) => ({ id: input.id, changes_items: !!input.items || !!input.location_id }))
    )
    const resolved = when("resolve-items", { input }, ({ input }) => !!input.items).then(() => {
      const refs = resolveStockItemRefsStep(
        transform({ input }, ({ input }) =>
          (input.items ?? []).map((item) => ({
            inventory_item_id: item.inventory_item_id,
            variant_id: item.variant_id,
            location_id: input.resolved_location_id,
          }))
        )
      )
      ensureStockItemsStep(
        transform({ refs }, ({ refs }) =>
          refs.map(({ inventory_item_id, location_id }) => ({ inventory_item_id, location_id }))
        )
      )
      return refs
    })
    updatePurchaseOrderStep(
      transform({ input, resolved }, ({ input, resolved }): UpdatePurchaseOrderInput => {
        const { resolved_location_id: _location, items, ...fields } = input
        return {
          ...fields,
          ...(items
            ? {
                items: items.map((item, index) => ({
                  inventory_item_id: resolved![index].inventory_item_id,
                  variant_id: resolved![index].variant_id,
                  quantity: item.quantity,
                  unit_cost: item.unit_cost ?? null,
                })),
              }
            : {}),
        }
      })
    )
    return new WorkflowResponse(input.id)
  }
)
