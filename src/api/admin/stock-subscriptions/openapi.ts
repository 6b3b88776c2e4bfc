import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import { listResponse, nullableTimestamp, timestamp } from "../../../openapi/schemas"
import { STOCK_SUBSCRIPTION_STATUSES } from "../../../modules/stockroom/types"
import { AdminGetDemandParams, AdminGetStockSubscriptionsParams } from "./validators"

/** A back-in-stock subscription; its unsubscribe token is never shown. */
export const StockSubscription = z.looseObject({
  id: z.string(),
  variant_id: z.string(),
  email: z.string(),
  customer_id: z.string().nullable(),
  sales_channel_id: z.string(),
  notified_at: nullableTimestamp,
  canceled_at: nullableTimestamp,
  created_at: timestamp,
  status: z.enum(STOCK_SUBSCRIPTION_STATUSES),
})

export const AdminStockSubscriptionListResponse = listResponse(
  "stock_subscriptions",
  StockSubscription
)

export const AdminDemandListResponse = listResponse(
  "demand",
  z.looseObject({
    variant_id: z.string(),
    waiting_subscribers: z.number().int(),
    backordered_quantity: z.number().int(),
    total: z.number().int(),
    variant_title: z.string().nullable(),
    sku: z.string().nullable(),
    product_id: z.string().nullable(),
    product_title: z.string().nullable(),
  })
)

export const operations = defineOperations([
  {
    id: "adminListStockSubscriptions",
    method: "GET",
    path: "/admin/stock-subscriptions",
    summary: "List back-in-stock subscriptions, newest first",
    query: AdminGetStockSubscriptionsParams,
    response: AdminStockSubscriptionListResponse,
  },
  {
    id: "adminListDemand",
    method: "GET",
    path: "/admin/demand",
    summary: "Variants by waiting subscribers plus backordered units, largest first",
    query: AdminGetDemandParams,
    response: AdminDemandListResponse,
  },
])
