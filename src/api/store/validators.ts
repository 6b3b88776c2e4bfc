import { z } from "@medusajs/framework/zod"

const MAX_IDS = 100
const idOrIds = z
  .union([z.string().min(1), z.array(z.string().min(1)).max(MAX_IDS)])
  .optional()

export const StoreGetStockAvailabilityParams = z
  .object({
    variant_id: idOrIds,
    product_id: idOrIds,
    sales_channel_id: z.string().min(1).optional(),
  })
  .strict()
  .refine((params) => params.variant_id !== undefined || params.product_id !== undefined, {
    message: "Pass variant_id or product_id (up to 100 of each)",
  })
export type StoreGetStockAvailabilityParamsType = z.infer<typeof StoreGetStockAvailabilityParams>

export const StoreGetCartStockShortfallParams = z.object({}).strict()
export const StoreGetOrderBackordersParams = z.object({}).strict()

/** POST /store/carts/:id/stock-hold takes no body: the cart's lines are what is held. */
export const StorePostCartStockHold = z.object({}).strict()
