import { z } from "@medusajs/framework/zod"

export const AdminUpdateStockLocationSetting = z
  .object({
    backorderable_default: z.boolean().optional(),
    propagate_all_variants: z.boolean().optional(),
    restock_inventory: z.boolean().optional(),
  })
  .strict()
export type AdminUpdateStockLocationSettingType = z.infer<
  typeof AdminUpdateStockLocationSetting
>

