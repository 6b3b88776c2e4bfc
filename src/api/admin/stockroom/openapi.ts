import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import { AdminGetNotificationStatusParams } from "../stock-subscriptions/validators"

/** The effective plugin options (never the database URL Medusa adds to them). */
export const AdminStockroomOptions = z.looseObject({
  track_inventory_levels: z.boolean(),
  allow_backorders: z.boolean(),
  allow_backorder_shipping: z.boolean(),
  show_zero_stock_products: z.boolean(),
  restock_inventory: z.boolean(),
  backorderable_default: z.boolean(),
  propagate_all_variants: z.boolean(),
  expose_stock_counts: z.boolean(),
  low_stock_threshold: z.number().int().nullable(),
  register_workflow_hooks: z.boolean(),
  back_in_stock_template: z.string(),
  admin_alerts: z.boolean(),
  backorder_alert_days: z.number().int(),
  checkout_hold_minutes: z.number().nullable(),
})

export const AdminStockroomResponse = z.looseObject({
  options: AdminStockroomOptions,
  version: z.string(),
})

export const AdminStockroomAuditResponse = z.looseObject({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(
    z.looseObject({
      stock_item_id: z.string(),
      inventory_item_id: z.string(),
      location_id: z.string(),
      invariant: z.literal([1, 2, 3, 4, 5]),
      message: z.string(),
      expected: z.number().optional(),
      actual: z.number().optional(),
    })
  ),
})

export const AdminNotificationStatusResponse = z.looseObject({
  email_provider: z.boolean(),
  waiting_subscribers: z.number().int(),
  back_in_stock_template: z.string(),
})

export const operations = defineOperations([
  {
    id: "adminGetStockroom",
    method: "GET",
    path: "/admin/stockroom",
    summary: "The effective options and the plugin's version",
    response: AdminStockroomResponse,
  },
  {
    id: "adminAuditStockroom",
    method: "GET",
    path: "/admin/stockroom/audit",
    summary: "Check the ledger's invariants against Medusa's levels",
    response: AdminStockroomAuditResponse,
  },
  {
    id: "adminGetNotificationStatus",
    method: "GET",
    path: "/admin/stockroom/notifications",
    summary: "Whether back-in-stock emails can be sent, and how many wait for one",
    query: AdminGetNotificationStatusParams,
    response: AdminNotificationStatusResponse,
  },
])
