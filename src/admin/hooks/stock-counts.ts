import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  backordersQueryKeys,
  inventoryUnitsQueryKeys,
  stockCountsQueryKeys,
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
} from "../lib/query-keys"
import { stockroom } from "../lib/sdk"
import type { RecordStockCountBody, StockCountsResponse, StockCountState } from "../lib/types"

export type StockCountListQuery = {
  state?: StockCountState
  location_id?: string
  offset?: number
  limit?: number
  /** A sort field, `-` first for descending (the route's validator lists them). */
  order?: string
}

export const useStockCounts = (query: StockCountListQuery) =>
  useQuery({
    queryKey: stockCountsQueryKeys.list(query),
    queryFn: () => stockroom.adminListStockCounts({ query }) as Promise<StockCountsResponse>,
    placeholderData: keepPreviousData,
  })

export const useStockCount = (id: string) =>
  useQuery({
    queryKey: stockCountsQueryKeys.detail(id),
    queryFn: () => stockroom.adminGetStockCount({ id }),
  })

export const useOpenStockCount = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { location_id: string }) =>
      stockroom.adminOpenStockCount({ body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockCountsQueryKeys.all }),
  })
}

export type StockCountAction =
  | { action: "items"; body: RecordStockCountBody }
  | { action: "apply" | "cancel" }

const applyOrCancel = {
  apply: stockroom.adminApplyStockCount,
  cancel: stockroom.adminCancelStockCount,
}

/** Records counts, applies or cancels one count; applying moves stock, so the stock views refetch. */
export const useStockCountAction = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: StockCountAction) =>
      request.action === "items"
        ? stockroom.adminRecordStockCount({ id, body: request.body })
        : applyOrCancel[request.action]({ id, body: {} }),
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
