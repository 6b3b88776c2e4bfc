import { z } from "@medusajs/framework/zod"
import {
  MAX_STOCK_QUANTITY,
  ORIGINATOR_TYPES,
  REASON_CODES,
  STOCK_MOVEMENT_KINDS,
} from "../../../modules/stockroom/types"
import { createListParams } from "../../list-query"

export const AdminCreateStockMovement = z
  .object({
    stock_item_id: z.string().min(1).optional(),
    inventory_item_id: z.string().min(1).optional(),
    variant_id: z.string().min(1).optional(),
    location_id: z.string().min(1).optional(),
    quantity: z
      .number()
      .int("quantity must be a whole number")
      .min(-MAX_STOCK_QUANTITY, `quantity must be at least ${-MAX_STOCK_QUANTITY}`)
      .max(MAX_STOCK_QUANTITY, `quantity must be at most ${MAX_STOCK_QUANTITY}`)
      .refine((q) => q !== 0, "quantity must not be zero"),
    reason: z.string().max(200).nullish(),
    reason_code: z
      .enum(REASON_CODES, { message: `reason_code must be one of ${REASON_CODES.join(", ")}` })
      .optional(),
    note: z.string().max(2000).nullish(),
  })
  .strict()
  .refine(
    (body) =>
      !!body.stock_item_id ||
      ((!!body.inventory_item_id || !!body.variant_id) && !!body.location_id),
    "Address stock by stock_item_id, or by inventory_item_id or variant_id with location_id"
  )
  .refine(
    (body) => !(body.inventory_item_id && body.variant_id),
    "Give inventory_item_id or variant_id, not both"
  )
export type AdminCreateStockMovementType = z.infer<typeof AdminCreateStockMovement>

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()

/**
 * The ledger's filters, shared by the list and the CSV export so both always
 * select the same movements.
 */
export const stockMovementFilterShape = {
  stock_item_id: stringOrArray,
  inventory_item_id: stringOrArray,
  variant_id: stringOrArray,
  location_id: stringOrArray,
  kind: z
    .union([z.enum(STOCK_MOVEMENT_KINDS), z.array(z.enum(STOCK_MOVEMENT_KINDS))])
    .optional(),
  originator_type: z
    .union([z.enum(ORIGINATOR_TYPES), z.array(z.enum(ORIGINATOR_TYPES))])
    .optional(),
  originator_id: stringOrArray,
  reason_code: z.union([z.enum(REASON_CODES), z.array(z.enum(REASON_CODES))]).optional(),
  created_at: z
    .object({
      gte: z.coerce.date().optional(),
      lte: z.coerce.date().optional(),
      gt: z.coerce.date().optional(),
      lt: z.coerce.date().optional(),
    })
    .strict()
    .optional(),
}

export const AdminStockMovementFilters = z.object(stockMovementFilterShape).strict()
export type AdminStockMovementFiltersType = z.infer<typeof AdminStockMovementFilters>

export const AdminGetStockMovementsParams = createListParams({ order: "-created_at" })
  .extend(stockMovementFilterShape)
  .strict()
export type AdminGetStockMovementsParamsType = z.infer<
  typeof AdminGetStockMovementsParams
>

/**
 * GET /admin/stock-movements/export: the list's filters, `order` and
 * `fields` (the CSV's columns), no paging (it exports every match).
 */
export const AdminExportStockMovementsParams = createListParams({ order: "-created_at" })
  .omit({ offset: true, limit: true })
  .extend(stockMovementFilterShape)
  .strict()
export type AdminExportStockMovementsParamsType = z.infer<
  typeof AdminExportStockMovementsParams
>
