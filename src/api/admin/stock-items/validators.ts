import { z } from "@medusajs/framework/zod"
import { MAX_STOCK_QUANTITY } from "../../../modules/stockroom/types"
import { createListParams } from "../../list-query"

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()
const booleanString = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional()

export const AdminGetStockItemsParamsFields = z.object({
  inventory_item_id: stringOrArray,
  variant_id: stringOrArray,
  location_id: stringOrArray,
  backordered: booleanString,
  low_stock: booleanString,
  incoming: booleanString,
  q: z.string().max(200).optional(),
})

export const AdminGetStockItemsParams = createListParams({ order: "created_at" })
  .extend(AdminGetStockItemsParamsFields.shape)
  .strict()
export type AdminGetStockItemsParamsType = z.infer<typeof AdminGetStockItemsParams>

export const AdminUpdateStockItem = z
  .object({
    backorderable: z.boolean().optional(),
    low_stock_threshold: z.number().int().min(0).max(MAX_STOCK_QUANTITY).nullable().optional(),
    safety_stock: z.number().int().min(0).max(MAX_STOCK_QUANTITY).optional(),
  })
  .strict()
export type AdminUpdateStockItemType = z.infer<typeof AdminUpdateStockItem>
