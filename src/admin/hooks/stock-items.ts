import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { stockItemsQueryKeys, stockMovementsQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  StockItemFilters,
  StockItemResponse,
  StockItemsResponse,
  UpdateStockItemBody,
} from "../lib/types"

export const useStockItems = (
  query: StockItemFilters,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: stockItemsQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<StockItemsResponse>("/admin/stock-items", { query }),
    ...options,
  })

export const useUpdateStockItem = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateStockItemBody & { id: string }) =>
      sdk.client.fetch<StockItemResponse>(`/admin/stock-items/${id}`, {
        method: "POST",
        body,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: stockItemsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: stockMovementsQueryKeys.all })
    },
  })
}
