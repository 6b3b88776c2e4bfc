import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
  stockTransfersQueryKeys,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { CreateStockTransferBody, StockTransfer } from "../lib/types"

export const useCreateStockTransfer = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateStockTransferBody) =>
      sdk.client.fetch<{ stock_transfer: StockTransfer }>("/admin/stock-transfers", {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: stockTransfersQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: stockItemsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: stockMovementsQueryKeys.all })
    },
  })
}

/** Recent transfers; also tells whether the transfers route is there at all. */
export const useStockTransfers = (
  query: { limit?: number; offset?: number } = {},
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: stockTransfersQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ stock_transfers: StockTransfer[]; count: number }>(
        "/admin/stock-transfers",
        { query }
      ),
    retry: false,
    ...options,
  })
