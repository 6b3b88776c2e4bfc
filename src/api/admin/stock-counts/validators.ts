import { z } from "@medusajs/framework/zod"
import { MAX_STOCK_QUANTITY, STOCK_COUNT_STATES } from "../../../modules/stockroom/types"
import { createListParams } from "../../list-query"

export const AdminOpenStockCount = z
  .object({
    location_id: z.string().min(1),
    inventory_item_ids: z.array(z.string().min(1)).min(1).max(10_000).optional(),
  })
  .strict()
export type AdminOpenStockCountType = z.infer<typeof AdminOpenStockCount>

export const AdminRecordStockCount = z
  .object({
    items: z
      .array(
        z
          .object({
            inventory_item_id: z.string().min(1).optional(),
            sku: z.string().min(1).optional(),
            counted: z
              .number()
              .int("counted must be a whole number")
              .min(0, "counted must not be below zero")
              .max(MAX_STOCK_QUANTITY, `counted must be at most ${MAX_STOCK_QUANTITY}`),
            counted_at: z.coerce.date().optional(),
          })
          .strict()
          .refine(
            (item) => !!item.inventory_item_id !== !!item.sku,
            "Name each counted item by inventory_item_id or sku (one of them)"
          )
      )
      .min(1, "items must not be empty")
      .max(10_000, "at most 10000 items at a time"),
  })
  .strict()
export type AdminRecordStockCountType = z.infer<typeof AdminRecordStockCount>

export const AdminStockCountAction = z.object({}).strict()

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()

export const AdminGetStockCountsParams = createListParams({ order: "-created_at" })
  .extend({
    location_id: stringOrArray,
    state: z.union([z.enum(STOCK_COUNT_STATES), z.array(z.enum(STOCK_COUNT_STATES))]).optional(),
  })
  .strict()
export type AdminGetStockCountsParamsType = z.infer<typeof AdminGetStockCountsParams>
