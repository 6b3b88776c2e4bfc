import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** A variant's demand as GET /admin/demand returns it. */
export type DemandRow = {
  variant_id: string
  waiting_subscribers: number
  backordered_quantity: number
  total: number
  variant_title: string | null
  sku: string | null
  product_id: string | null
  product_title: string | null
}

export type DemandResponse = { demand: DemandRow[]; count: number; offset: number; limit: number }

const demandQueryKey = (query: object) => ["stockroom", "demand", "list", query] as const

/** Variants by waiting back-in-stock subscribers plus backordered units. */
export const useStockDemand = (
  query: { offset: number; limit: number; variant_id?: string },
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: demandQueryKey(query),
    queryFn: () => sdk.client.fetch<DemandResponse>("/admin/demand", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })

/** One variant's waiting subscribers (0 when nobody waits). */
export const useWaitingSubscribers = (variantId: string, options: { enabled?: boolean } = {}) => {
  const result = useStockDemand({ offset: 0, limit: 1, variant_id: variantId }, options)
  return { ...result, waiting: result.data?.demand[0]?.waiting_subscribers ?? 0 }
}

export type NotificationStatus = {
  email_provider: boolean
  waiting_subscribers: number
  back_in_stock_template: string
}

/** Whether back-in-stock emails can go out, and how many shoppers wait. */
export const useNotificationStatus = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: ["stockroom", "notifications", "status"],
    queryFn: () => sdk.client.fetch<NotificationStatus>("/admin/stockroom/notifications"),
    ...options,
  })
