import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1)

export const StoreCreateStockSubscription = z
  .object({
    variant_id: id,
    email: z.string().trim().max(254, "email must be at most 254 characters").email("email must be a valid email address").optional(),
    sales_channel_id: id.optional(),
  })
  .strict()
export type StoreCreateStockSubscriptionType = z.infer<typeof StoreCreateStockSubscription>

export const StoreDeleteStockSubscriptionParams = z
  .object({ token: z.string().min(1, "token is required: it comes in the back-in-stock notification").max(200) })
  .strict()
export type StoreDeleteStockSubscriptionParamsType = z.infer<typeof StoreDeleteStockSubscriptionParams>
