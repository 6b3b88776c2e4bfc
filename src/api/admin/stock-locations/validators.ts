import { z } from "@medusajs/framework/zod"

export const AdminUpdateStockLocationSetting = z
  .object({
    backorderable_default: z.boolean().optional(),
    propagate_all_variants: z.boolean().optional(),
    restock_inventory: z.boolean().optional(),
    allocation_priority: z.number().int().min(-1000000).max(1000000).optional(),
  })
  .strict()
export type AdminUpdateStockLocationSettingType = z.infer<
  typeof AdminUpdateStockLocationSetting
>

