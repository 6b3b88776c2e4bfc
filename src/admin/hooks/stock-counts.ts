import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  backordersQueryKeys,
  inventoryUnitsQueryKeys,
  stockCountsQueryKeys,
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { RecordStockCountBody, StockCountResponse, StockCountsResponse } from "../lib/types"

export type StockCountListQuery = {
  state?: string
  location_id?: string
  offset?: number
  limit?: number
}

export const useStockCounts = (query: StockCountListQuery) =>
  useQuery({
    queryKey: stockCountsQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<StockCountsResponse>("/admin/stock-counts", { query }),
    placeholderData: keepPreviousData,
  })

export const useStockCount = (id: string) =>
  useQuery({
    queryKey: stockCountsQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<StockCountResponse>(`/admin/stock-counts/${id}`),
  })

export const useOpenStockCount = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { location_id: string }) =>
      sdk.client.fetch<StockCountResponse>("/admin/stock-counts", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockCountsQueryKeys.all }),
  })
}

/** Records counts, applies or cancels one count; applying moves stock, so the stock views refetch. */
export const useStockCountAction = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, body }: { action: "items" | "apply" | "cancel"; body?: RecordStockCountBody }) =>
      sdk.client.fetch<StockCountResponse>(`/admin/stock-counts/${id}/${action}`, {
        method: "POST",
        body: body ?? {},
      }),
    onSuccess: (data, { action }) => {
      queryClient.setQueryData(stockCountsQueryKeys.detail(id), data)
      queryClient.invalidateQueries({ queryKey: stockCountsQueryKeys.lists() })
      if (action === "apply") {
        for (const keys of [stockItemsQueryKeys, stockMovementsQueryKeys, backordersQueryKeys, inventoryUnitsQueryKeys]) {
          queryClient.invalidateQueries({ queryKey: keys.all })
        }
      }
    },
  })
}
