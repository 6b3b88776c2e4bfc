import { z } from "@medusajs/framework/zod"
import {
  MAX_PURCHASE_ORDER_ITEMS,
  MAX_STOCK_QUANTITY,
  PURCHASE_ORDER_STATES,
} from "../../../modules/stockroom/types"
import { createListParams } from "../../list-query"

const id = z.string().trim().min(1)
const text = (max: number) => z.string().trim().max(max)

// A refinement, not `.int()`, so the refusal keeps its own message.
const quantity = (field: string, { positive }: { positive: boolean }) =>
  (positive
    ? z.number().positive(`${field} must be a positive whole number`)
    : z.number().min(0, `${field} must not be negative`)
  )
    .max(MAX_STOCK_QUANTITY, `${field} must be at most ${MAX_STOCK_QUANTITY}`)
    .refine(Number.isInteger, `${field} must be a whole number`)

/**
 * A date (`YYYY-MM-DD`); a datetime is accepted and kept as its date.
 * Shared by purchase orders and transfers in transit.
 */
export const ExpectedDate = z
  .string()
  .trim()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) && !Number.isNaN(Date.parse(value)),
    "expected_at must be a date (YYYY-MM-DD) or an ISO datetime"
  )
  .transform((value) => (value.length === 10 ? value : new Date(value).toISOString().slice(0, 10)))

export const AdminPurchaseOrderLine = z
  .object({
    inventory_item_id: id.optional(),
    variant_id: id.optional(),
    quantity: quantity("quantity", { positive: true }),
    unit_cost: z.number().min(0, "unit_cost must not be negative").nullish(),
  })
  .strict()
  .refine(
    (line) => !!line.inventory_item_id !== !!line.variant_id,
    "Each item needs exactly one of inventory_item_id or variant_id"
  )

const uniqueBy =
  <T>(key: (line: T) => string | undefined, what: string) =>
  (lines: T[] | undefined, ctx: z.RefinementCtx) => {
    const seen = new Set<string>()
    for (const line of lines ?? []) {
      const value = key(line)
      if (value && seen.has(value)) {
        ctx.addIssue({
          code: "custom",
          path: ["items"],
          message: `${value} appears more than once in items: give each ${what} once`,
        })
      }
      if (value) {
        seen.add(value)
      }
    }
  }

const lines = z
  .array(AdminPurchaseOrderLine)
  .min(1, "items must not be empty: a purchase order orders at least one item")
  .max(MAX_PURCHASE_ORDER_ITEMS, `a purchase order has at most ${MAX_PURCHASE_ORDER_ITEMS} items`)
  .superRefine(uniqueBy((line) => line.inventory_item_id ?? line.variant_id, "item with its total quantity"))

export const AdminCreatePurchaseOrder = z
  .object({
    supplier: text(200).min(1, "supplier is required"),
    location_id: id,
    items: lines,
    expected_at: ExpectedDate.nullish(),
    reference: text(200).nullish(),
    note: text(2000).nullish(),
    currency_code: text(3).toLowerCase().nullish(),
    ordered: z.boolean().optional(),
  })
  .strict()
export type AdminCreatePurchaseOrderType = z.infer<typeof AdminCreatePurchaseOrder>

export const AdminUpdatePurchaseOrder = z
  .object({
    supplier: text(200).min(1, "supplier must not be empty").optional(),
    location_id: id.optional(),
    items: lines.optional(),
    expected_at: ExpectedDate.nullish(),
    reference: text(200).nullish(),
    note: text(2000).nullish(),
    currency_code: text(3).toLowerCase().nullish(),
  })
  .strict()
export type AdminUpdatePurchaseOrderType = z.infer<typeof AdminUpdatePurchaseOrder>

export const AdminReceiptLine = z
  .object({
    inventory_item_id: id,
    accepted: quantity("accepted", { positive: false }),
    rejected: quantity("rejected", { positive: false }).optional(),
    rejection_reason: text(500).nullish(),
  })
  .strict()
  .refine((line) => line.accepted + (line.rejected ?? 0) > 0, {
    message: "a receipt line must accept or reject at least one unit",
    path: ["accepted"],
  })

const receiptLines = z
  .array(AdminReceiptLine)
  .min(1, "items must not be empty: a receipt receives at least one item")
  .max(MAX_PURCHASE_ORDER_ITEMS)
  .superRefine(uniqueBy((line) => line.inventory_item_id, "inventory item"))

export const AdminReceivePurchaseOrder = z
  .object({ items: receiptLines, note: text(2000).nullish() })
  .strict()
export type AdminReceivePurchaseOrderType = z.infer<typeof AdminReceivePurchaseOrder>

export const AdminReceiveStockTransfer = z.object({ items: receiptLines.optional() }).strict()
export type AdminReceiveStockTransferType = z.infer<typeof AdminReceiveStockTransfer>

export const AdminEmptyBody = z.object({}).strict()

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()

export const AdminGetPurchaseOrdersParams = createListParams({ order: "-created_at" })
  .extend({
    state: z.union([z.enum(PURCHASE_ORDER_STATES), z.array(z.enum(PURCHASE_ORDER_STATES))]).optional(),
    location_id: stringOrArray,
    inventory_item_id: stringOrArray,
    q: z.string().trim().max(200).optional(),
  })
  .strict()
export type AdminGetPurchaseOrdersParamsType = z.infer<typeof AdminGetPurchaseOrdersParams>
