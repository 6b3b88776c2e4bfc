/** Where a stock subscription stands. */
export const STOCK_SUBSCRIPTION_STATUSES = ["active", "notified", "canceled"] as const
export type StockSubscriptionStatus = (typeof STOCK_SUBSCRIPTION_STATUSES)[number]

export type StockSubscriptionDTO = {
  id: string
  variant_id: string
  email: string
  customer_id: string | null
  sales_channel_id: string
  notified_at: Date | null
  canceled_at: Date | null
  created_at: Date
  status: StockSubscriptionStatus
}

/** A subscription with its unsubscribe token: only for the notification that carries it. */
export type StockSubscriptionWithTokenDTO = StockSubscriptionDTO & { token: string }

export type CreateStockSubscriptionInput = {
  variant_id: string
  email: string
  customer_id?: string | null
  sales_channel_id: string
}

export type StockSubscriptionFilters = {
  variant_id?: string[]
  sales_channel_id?: string[]
  status?: StockSubscriptionStatus[]
}

/** A variant and sales channel with subscribers waiting for it. */
export type WaitingSubscriptionTarget = { variant_id: string; sales_channel_id: string }

/** A variant's demand: waiting subscribers plus units on backorder. */
export type VariantDemandRow = {
  variant_id: string
  waiting_subscribers: number
  backordered_quantity: number
}

export const STOCK_ALERT_KINDS = ["low_stock", "out_of_stock", "backorder_age"] as const
export type StockAlertKind = (typeof STOCK_ALERT_KINDS)[number]

/** An alert to post: raised for a stock item now, for the first time since it re-armed. */
export type RaisedStockAlert = {
  stock_item_id: string
  inventory_item_id: string
  location_id: string
  kind: StockAlertKind
  count_on_hand: number
  threshold: number | null
  /** for backorder_age: the oldest waiting backorder's order date */
  oldest_ordered_at?: Date | null
}
