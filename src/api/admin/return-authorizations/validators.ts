import { z } from "@medusajs/framework/zod"
import {
  MAX_RETURN_AUTHORIZATION_ITEMS,
  MAX_STOCK_QUANTITY,
  RETURN_AUTHORIZATION_STATES,
} from "../../../modules/stockroom/types"
import { createListParams } from "../../list-query"

const id = z.string().trim().min(1)

export const AdminReturnAuthorizationItem = z
  .object({
    inventory_unit_id: id.optional(),
    line_item_id: id.optional(),
    quantity: z
      .number()
      .int("quantity must be a whole number")
      .positive("quantity must be a positive whole number")
      .max(MAX_STOCK_QUANTITY, `quantity must be at most ${MAX_STOCK_QUANTITY}`),
    resellable: z.boolean().optional(),
  })
  .strict()
  .refine(
    (item) => !!item.inventory_unit_id !== !!item.line_item_id,
    "Each item needs exactly one of inventory_unit_id or line_item_id"
  )

export const AdminCreateReturnAuthorization = z
  .object({
    order_id: id,
    items: z
      .array(AdminReturnAuthorizationItem)
      .min(1, "items must not be empty: a return authorization covers at least one item")
      .max(
        MAX_RETURN_AUTHORIZATION_ITEMS,
        `a return authorization covers at most ${MAX_RETURN_AUTHORIZATION_ITEMS} items`
      ),
    reason: z.string().trim().min(1, "reason must not be empty").max(500).optional(),
    return_reason_id: id.optional(),
    amount: z
      .number()
      .finite()
      .min(0, "amount must be zero or more")
      .max(1e12, "amount must be at most 1000000000000")
      .optional(),
    location_id: id,
    memo: z.string().trim().max(2000).nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.reason && !body.return_reason_id) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: "reason is required: give reason (text) or return_reason_id (one of Medusa's return reasons)",
      })
    }
    const seen = new Set<string>()
    for (const item of body.items) {
      const key = item.inventory_unit_id ?? item.line_item_id
      if (key && seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["items"],
          message: `${key} appears more than once in items: give each unit or line once with its total quantity`,
        })
      }
      if (key) {
        seen.add(key)
      }
    }
  })
export type AdminCreateReturnAuthorizationType = z.infer<typeof AdminCreateReturnAuthorization>

/** Receive and cancel take no fields. */
export const AdminReturnAuthorizationAction = z.object({}).strict()
export type AdminReturnAuthorizationActionType = z.infer<typeof AdminReturnAuthorizationAction>

const stringOrArray = z.union([z.string(), z.array(z.string())]).optional()

export const AdminGetReturnAuthorizationsParamsFields = z.object({
  order_id: stringOrArray,
  location_id: stringOrArray,
  number: stringOrArray,
  state: z
    .union([z.enum(RETURN_AUTHORIZATION_STATES), z.array(z.enum(RETURN_AUTHORIZATION_STATES))])
    .optional(),
})

export const AdminGetReturnAuthorizationsParams = createListParams({ order: "-created_at" })
  .extend(AdminGetReturnAuthorizationsParamsFields.shape)
  .strict()
export type AdminGetReturnAuthorizationsParamsType = z.infer<
  typeof AdminGetReturnAuthorizationsParams
>
