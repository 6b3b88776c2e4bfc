import { z } from "@medusajs/framework/zod"
import { MAX_STOCK_QUANTITY } from "../../../modules/stockroom/types"

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()
const booleanString = z
  .enum(["true", "false"])
  .transform((value) => value === "true")
  .optional()

export const AdminGetStockItemsParams = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
    order: z.string().optional(),
    fields: z.string().optional(),
    inventory_item_id: stringOrArray,
    variant_id: stringOrArray,
    location_id: stringOrArray,
    backordered: booleanString,
    low_stock: booleanString,
    q: z.string().max(200).optional(),
  })
  .strict()
export type AdminGetStockItemsParamsType = z.infer<typeof AdminGetStockItemsParams>

export const AdminUpdateStockItem = z
  .object({
    backorderable: z.boolean().optional(),
    low_stock_threshold: z.number().int().min(0).max(MAX_STOCK_QUANTITY).nullable().optional(),
  })
  .strict()
export type AdminUpdateStockItemType = z.infer<typeof AdminUpdateStockItem>
