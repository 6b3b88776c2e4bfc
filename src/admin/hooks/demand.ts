import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { StockroomResponse } from "../../client"
import { stockroom } from "../lib/sdk"

/** A variant's demand as GET /admin/demand returns it. */
export type DemandRow = StockroomResponse<"adminListDemand">["demand"][number]

const demandQueryKey = (query: object) => ["stockroom", "demand", "list", query] as const

/** Variants by waiting back-in-stock subscribers plus backordered units. */
export const useStockDemand = (
  query: { offset: number; limit: number; variant_id?: string },
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: demandQueryKey(query),
    queryFn: () => stockroom.adminListDemand({ query }),
    placeholderData: keepPreviousData,
    ...options,
  })

/** One variant's waiting subscribers (0 when nobody waits). */
export const useWaitingSubscribers = (variantId: string, options: { enabled?: boolean } = {}) => {
  const result = useStockDemand({ offset: 0, limit: 1, variant_id: variantId }, options)
  return { ...result, waiting: result.data?.demand[0]?.waiting_subscribers ?? 0 }
}

export type NotificationStatus = StockroomResponse<"adminGetNotificationStatus">

/** Whether back-in-stock emails can go out, and how many shoppers wait. */
export const useNotificationStatus = (options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: ["stockroom", "notifications", "status"],
    queryFn: () => stockroom.adminGetNotificationStatus(),
    ...options,
  })
