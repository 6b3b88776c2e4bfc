import type { IStockroomModuleService } from "../../modules/stockroom/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { quantityOf } from "../../lib/medusa-values"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type {
  ReceiveReturnUnitsInput,
  StockItemRef,
} from "../../modules/stockroom/types"
import { STOCKROOM_MODULE } from "../../modules/stockroom/types"

export const resolveReturnUnitsStepId = "resolve-return-units"

export type ResolvedReturn = ReceiveReturnUnitsInput & { refs: StockItemRef[] }

/**
 * Reads a received return per line and inventory item: units coming back
 * (Medusa's received quantity, damaged ones included) and units it
 * restocked (received − damaged), each × the kit's required quantity.
 */
export const resolveReturnUnitsStep = createStep(
  resolveReturnUnitsStepId,
  async (input: { return_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [orderReturn],
    } = await query.graph({
      entity: "return",
      fields: [
        "id",
        "order_id",
        "location_id",
        "items.item_id",
        "items.received_quantity",
        "items.raw_received_quantity",
        "items.damaged_quantity",
        "items.raw_damaged_quantity",
      ],
      filters: { id: input.return_id },
    })
    const returnItems = ((orderReturn?.items ?? []) as any[]).filter(Boolean)
    const empty: ResolvedReturn = {
      order_id: orderReturn?.order_id ?? "",
      return_id: input.return_id,
      location_id: orderReturn?.location_id ?? null,
      items: [],
      refs: [],
    }
    if (!orderReturn || !returnItems.length) {
      return new StepResponse(empty)
    }
    // A return driven by a return authorization was recorded (units and
    // restock) inside the authorization's own workflow.
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const [authorization] = await stockroom.listReturnAuthorizations(
      { return_id: input.return_id },
      { select: ["id"], take: 1 }
    )
    if (authorization) {
      return new StepResponse(empty)
    }
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "items.id",
        "items.variant.manage_inventory",
        "items.variant.inventory_items.inventory_item_id",
        "items.variant.inventory_items.required_quantity",
      ],
      filters: { id: orderReturn.order_id },
    })
    const lineById = new Map(
      ((order?.items ?? []) as any[]).filter(Boolean).map((item) => [item.id, item])
    )
    const items: ReceiveReturnUnitsInput["items"] = []
    for (const returnItem of returnItems) {
      const line = lineById.get(returnItem.item_id)
      if (!line?.variant?.manage_inventory) {
        continue
      }
      const received = quantityOf(returnItem.received_quantity ?? returnItem.raw_received_quantity)
      const damaged = quantityOf(returnItem.damaged_quantity ?? returnItem.raw_damaged_quantity)
      for (const link of (line.variant.inventory_items ?? []).filter(Boolean)) {
        const required = quantityOf(link.required_quantity ?? 1)
        if (received <= 0) {
          continue
        }
        items.push({
          line_item_id: line.id,
          inventory_item_id: link.inventory_item_id,
          quantity: received * required,
          restocked_quantity: Math.max(received - damaged, 0) * required,
        })
      }
    }
    return new StepResponse<ResolvedReturn>({
      ...empty,
      items,
      refs: orderReturn.location_id
        ? items.map((item) => ({
            inventory_item_id: item.inventory_item_id,
            location_id: orderReturn.location_id!,
          }))
        : [],
    })
  }
)
