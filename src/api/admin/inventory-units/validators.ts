import { z } from "@medusajs/framework/zod"
import { INVENTORY_UNIT_STATES } from "../../../modules/stockroom/types"
import { createListParams, limitParam } from "../../list-query"

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()

export const AdminGetInventoryUnitsParamsFields = z.object({
  order_id: stringOrArray,
  line_item_id: stringOrArray,
  variant_id: stringOrArray,
  inventory_item_id: stringOrArray,
  location_id: stringOrArray,
  fulfillment_id: stringOrArray,
  state: z
    .union([z.enum(INVENTORY_UNIT_STATES), z.array(z.enum(INVENTORY_UNIT_STATES))])
    .optional(),
})

export const AdminGetInventoryUnitsParams = createListParams({ order: "ordered_at" })
  .extend(AdminGetInventoryUnitsParamsFields.shape)
  .strict()
export type AdminGetInventoryUnitsParamsType = z.infer<typeof AdminGetInventoryUnitsParams>

export const AdminGetBackordersParamsFields = z.object({
  location_id: stringOrArray,
  variant_id: stringOrArray,
  order_id: stringOrArray,
})

/** The queue, oldest first: the order backorders are filled in. */
export const AdminGetBackordersParams = createListParams({ order: "ordered_at" })
  .extend(AdminGetBackordersParamsFields.shape)
  .strict()
export type AdminGetBackordersParamsType = z.infer<typeof AdminGetBackordersParams>

/** One order's units: all of them unless `limit` is given. */
export const AdminGetOrderInventoryUnitsParams = createListParams({ order: "line_item_id" })
  .extend({ limit: limitParam.optional() })
  .strict()
export type AdminGetOrderInventoryUnitsParamsType = z.infer<
  typeof AdminGetOrderInventoryUnitsParams
>
