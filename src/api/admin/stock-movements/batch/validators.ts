import { z } from "@medusajs/framework/zod"
import {
  MAX_STOCK_QUANTITY,
  REASON_CODES,
} from "../../../../modules/stockroom/types"
import { AdminCreateStockMovement } from "../validators"

/** One row of a movement batch: the single route's body, or addressed by the inventory item's SKU. */
export const AdminBatchStockMovementRow = z
  .object({
    ...AdminCreateStockMovement.shape,
    sku: z.string().min(1).optional(),
  })
  .strict()
  .refine(
    (row) =>
      !!row.stock_item_id ||
      ((!!row.inventory_item_id || !!row.variant_id || !!row.sku) && !!row.location_id),
    "Address stock by stock_item_id, or by inventory_item_id, variant_id or sku with location_id"
  )
  .refine(
    (row) => [row.inventory_item_id, row.variant_id, row.sku].filter(Boolean).length <= 1,
    "Give one of inventory_item_id, variant_id or sku"
  )
export type AdminBatchStockMovementRowType = z.infer<typeof AdminBatchStockMovementRow>

/** The envelope; each row is checked on its own so every bad one can be named. */
export const AdminCreateStockMovementBatch = z
  .object({ movements: z.array(z.unknown()) })
  .strict()
export type AdminCreateStockMovementBatchType = {
  movements: AdminBatchStockMovementRowType[]
}

/** One absolute level: physical on hand (Medusa's stocked quantity) of an item at a location. */
export const AdminStockLevelRow = z
  .object({
    inventory_item_id: z.string().min(1).optional(),
    sku: z.string().min(1).optional(),
    location_id: z.string().min(1),
    on_hand: z
      .number()
      .int("on_hand must be a whole number")
      .min(0, "on_hand must be at least 0")
      .max(MAX_STOCK_QUANTITY, `on_hand must be at most ${MAX_STOCK_QUANTITY}`),
  })
  .strict()
  .refine(
    (row) => !!row.inventory_item_id !== !!row.sku,
    "Give inventory_item_id or sku (one of them)"
  )
export type AdminStockLevelRowType = z.infer<typeof AdminStockLevelRow>

export const AdminSetStockLevels = z
  .object({
    levels: z.array(z.unknown()),
    reason_code: z
      .enum(REASON_CODES, { message: `reason_code must be one of ${REASON_CODES.join(", ")}` })
      .optional(),
    note: z.string().max(2000).nullish(),
    /** answer what would change, write nothing */
    preview: z.boolean().optional(),
  })
  .strict()
export type AdminSetStockLevelsType = Omit<z.infer<typeof AdminSetStockLevels>, "levels"> & {
  levels: AdminStockLevelRowType[]
}
