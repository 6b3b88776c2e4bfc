import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import {
  calendarDate,
  listResponse,
  nullableTimestamp,
  selectable,
  timestamp,
} from "../../../openapi/schemas"
import { INVENTORY_UNIT_STATES } from "../../../modules/stockroom/types"
import {
  AdminGetBackordersParams,
  AdminGetInventoryUnitsParams,
  AdminGetOrderInventoryUnitsParams,
} from "./validators"

export const inventoryUnitShape = {
  id: z.string(),
  order_id: z.string(),
  line_item_id: z.string(),
  variant_id: z.string().nullable(),
  inventory_item_id: z.string().nullable(),
  location_id: z.string().nullable(),
  state: z.enum(INVENTORY_UNIT_STATES),
  quantity: z.number().int(),
  fulfillment_id: z.string().nullable(),
  shipped_at: nullableTimestamp,
  return_id: z.string().nullable(),
  return_authorization_id: z.string().nullable(),
  ordered_at: timestamp,
  created_at: timestamp,
  updated_at: timestamp,
}

/** Where a backordered unit stands in its queue and when stock is expected for it. */
const etaShape = {
  expected_at: calendarDate.nullable(),
  queue_position: z.number().int().nullable(),
}

export const AdminInventoryUnitListResponse = listResponse(
  "inventory_units",
  selectable(inventoryUnitShape)
)

export const AdminBackorderListResponse = listResponse(
  "backorders",
  selectable({
    ...inventoryUnitShape,
    ...etaShape,
    order: z.looseObject({ id: z.string() }).nullable(),
    variant: z.looseObject({ id: z.string() }).nullable(),
  })
)

export const AdminOrderInventoryUnitListResponse = z.looseObject({
  inventory_units: z.array(selectable({ ...inventoryUnitShape, ...etaShape })),
  count: z.number().int(),
  offset: z.number().int(),
  /** null when every unit was asked for */
  limit: z.number().int().nullable(),
  /** quantity per state over the whole order */
  totals: z.record(z.enum(INVENTORY_UNIT_STATES), z.number().int()),
})

export const operations = defineOperations([
  {
    id: "adminListInventoryUnits",
    method: "GET",
    path: "/admin/inventory-units",
    summary: "List inventory units",
    query: AdminGetInventoryUnitsParams,
    response: AdminInventoryUnitListResponse,
  },
  {
    id: "adminListBackorders",
    method: "GET",
    path: "/admin/backorders",
    summary: "The backorder queue, oldest first, with order, variant and ETA",
    query: AdminGetBackordersParams,
    response: AdminBackorderListResponse,
  },
  {
    id: "adminListOrderInventoryUnits",
    method: "GET",
    path: "/admin/orders/{id}/inventory-units",
    summary: "An order's inventory units by line, with totals per state",
    query: AdminGetOrderInventoryUnitsParams,
    response: AdminOrderInventoryUnitListResponse,
  },
])
