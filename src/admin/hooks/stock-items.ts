import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { stockItemsQueryKeys, stockMovementsQueryKeys } from "../lib/query-keys"
import { stockroom } from "../lib/sdk"
import type {
  StockItemFilters,
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
      stockroom.adminListStockItems({ query }) as Promise<StockItemsResponse>,
    ...options,
  })

export const useUpdateStockItem = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateStockItemBody & { id: string }) =>
      stockroom.adminUpdateStockItem({ id, body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: stockItemsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: stockMovementsQueryKeys.all })
    },
  })
}
