import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { quantityOf } from "../../lib/medusa-values"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type {
  ShipFulfillmentUnitsInput,
  StockItemRef,
} from "../../modules/stockroom/types"

export const resolveFulfillmentUnitsStepId = "resolve-fulfillment-units"

export type ResolvedFulfillment = ShipFulfillmentUnitsInput & {
  refs: StockItemRef[]
}

/**
 * Reads a fulfillment's items per inventory item (Medusa already multiplied
 * kits' required quantities) and the location it ships from.
 */
export const resolveFulfillmentUnitsStep = createStep(
  resolveFulfillmentUnitsStepId,
  async (input: { fulfillment_id: string; order_id?: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [fulfillment],
    } = await query.graph({
      entity: "fulfillment",
      fields: [
        "id",
        "location_id",
        "items.line_item_id",
        "items.inventory_item_id",
        "items.quantity",
        "order.id",
      ],
      filters: { id: input.fulfillment_id },
    })
    const items = ((fulfillment?.items ?? []) as any[])
      .filter((item) => item?.inventory_item_id && item?.line_item_id)
      .map((item) => ({
        line_item_id: item.line_item_id as string,
        inventory_item_id: item.inventory_item_id as string,
        quantity: quantityOf(item.quantity),
      }))
    const orderId = input.order_id ?? (fulfillment as any)?.order?.id ?? ""
    const locationId = fulfillment?.location_id ?? ""
    return new StepResponse<ResolvedFulfillment>({
      order_id: orderId,
      fulfillment_id: input.fulfillment_id,
      location_id: locationId,
      items: orderId && locationId ? items : [],
      refs:
        orderId && locationId
          ? items.map((item) => ({
              inventory_item_id: item.inventory_item_id,
              location_id: locationId,
            }))
          : [],
    })
  }
)
