import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
  stockTransfersQueryKeys,
} from "../lib/query-keys"
import { stockroom } from "../lib/sdk"
import type { CreateStockTransferBody } from "../lib/types"

export const useCreateStockTransfer = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateStockTransferBody) =>
      stockroom.adminCreateStockTransfer({ body }),
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
      stockroom.adminListStockTransfers({ query }),
    retry: false,
    ...options,
  })
