import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import { inventoryUnitShape } from "../inventory-units/openapi"
import { AdminStockMovement } from "../stock-movements/openapi"
import { AdminGetOrderLineReallocationTargets, AdminReallocateOrderLine } from "./validators"

/** What moving the line to a location does to one of its inventory items. */
const reallocationItem = z.looseObject({
  inventory_item_id: z.string(),
  from_location_ids: z.array(z.string()),
  quantity: z.number().int(),
  sellable: z.number().int(),
  on_hand: z.number().int(),
  backordered: z.number().int(),
})

/** A location of the order's channel as a destination for one line. */
const reallocationTarget = z.looseObject({
  location_id: z.string(),
  name: z.string(),
  allocation_priority: z.number().int(),
  current: z.boolean(),
  unshipped_quantity: z.number().int(),
  sellable_quantity: z.number().int(),
  items: z.array(reallocationItem),
  refusal: z.string().nullable(),
})

export const operations = defineOperations([
  {
    id: "adminListOrderLineReallocationTargets",
    method: "GET",
    path: "/admin/orders/{id}/inventory-units/reallocate",
    summary: "List the locations an order line could move to, with what each can sell of it",
    query: AdminGetOrderLineReallocationTargets,
    response: z.looseObject({ locations: z.array(reallocationTarget) }),
  },
  {
    id: "adminReallocateOrderLine",
    method: "POST",
    path: "/admin/orders/{id}/inventory-units/reallocate",
    summary: "Move an order line's unshipped units and reservations to another location",
    body: AdminReallocateOrderLine,
    response: z.looseObject({
      inventory_units: z.array(z.looseObject(inventoryUnitShape)),
      stock_movements: z.array(AdminStockMovement),
    }),
  },
])
