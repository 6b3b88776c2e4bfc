import { z } from "@medusajs/framework/zod"
import { INVENTORY_UNIT_STATES } from "../../../modules/stockroom/types"

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()

export const AdminGetInventoryUnitsParams = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
    order: z.enum(["ordered_at", "-ordered_at", "created_at", "-created_at"]).optional(),
    fields: z.string().optional(),
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
  .strict()
export type AdminGetInventoryUnitsParamsType = z.infer<typeof AdminGetInventoryUnitsParams>

export const AdminGetBackordersParams = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
    fields: z.string().optional(),
    location_id: stringOrArray,
    variant_id: stringOrArray,
    order_id: stringOrArray,
  })
  .strict()
export type AdminGetBackordersParamsType = z.infer<typeof AdminGetBackordersParams>
