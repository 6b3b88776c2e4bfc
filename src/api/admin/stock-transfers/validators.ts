import { z } from "@medusajs/framework/zod"
import { MAX_STOCK_QUANTITY, STOCK_TRANSFER_STATES } from "../../../modules/stockroom/types"
import { createListParams } from "../../list-query"
import { ExpectedDate } from "../purchase-orders/validators"

const id = z.string().trim().min(1)

export const AdminStockTransferLine = z
  .object({
    inventory_item_id: id.optional(),
    variant_id: id.optional(),
    quantity: z
      .number()
      .int("quantity must be a whole number")
      .positive("quantity must be a positive whole number")
      .max(MAX_STOCK_QUANTITY, `quantity must be at most ${MAX_STOCK_QUANTITY}`),
  })
  .strict()
  .refine(
    (line) => !!line.inventory_item_id !== !!line.variant_id,
    "Each item needs exactly one of inventory_item_id or variant_id"
  )

export const AdminCreateStockTransfer = z
  .object({
    source_location_id: id.nullish(),
    destination_location_id: id,
    reference: z.string().trim().max(200).nullish(),
    in_transit: z.boolean().optional(),
    expected_at: ExpectedDate.nullish(),
    items: z
      .array(AdminStockTransferLine)
      .min(1, "items must not be empty: a transfer moves at least one item")
      .max(1000, "a transfer moves at most 1000 items"),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.in_transit && !body.source_location_id) {
      ctx.addIssue({
        code: "custom",
        path: ["in_transit"],
        message: "in_transit needs a source_location_id: goods received from a supplier arrive at once",
      })
    }
    if (body.expected_at && !body.in_transit) {
      ctx.addIssue({
        code: "custom",
        path: ["expected_at"],
        message: "expected_at is only for a transfer in transit (in_transit: true)",
      })
    }
    if (body.source_location_id && body.source_location_id === body.destination_location_id) {
      ctx.addIssue({
        code: "custom",
        path: ["destination_location_id"],
        message: `source_location_id and destination_location_id are both ${body.destination_location_id}: a transfer must move stock between two different locations`,
      })
    }
    const seen = new Set<string>()
    for (const line of body.items) {
      const key = line.inventory_item_id ?? line.variant_id
      if (key && seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["items"],
          message: `${key} appears more than once in items: give each item once with its total quantity`,
        })
      }
      if (key) {
        seen.add(key)
      }
    }
  })
export type AdminCreateStockTransferType = z.infer<typeof AdminCreateStockTransfer>

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()

export const AdminGetStockTransfersParamsFields = z.object({
  source_location_id: stringOrArray,
  destination_location_id: stringOrArray,
  state: z.union([z.enum(STOCK_TRANSFER_STATES), z.array(z.enum(STOCK_TRANSFER_STATES))]).optional(),
})

export const AdminGetStockTransfersParams = createListParams({ order: "-created_at" })
  .extend(AdminGetStockTransfersParamsFields.shape)
  .strict()
export type AdminGetStockTransfersParamsType = z.infer<
  typeof AdminGetStockTransfersParams
>
