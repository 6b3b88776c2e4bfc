import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import { sdk, stockroom } from "../lib/sdk"
import { stockItemsQueryKeys, stockMovementsQueryKeys } from "../lib/query-keys"
import { toSearch } from "../lib/format"
import type {
  CreateStockMovementBody,
  StockMovementFilters,
  StockMovementsResponse,
} from "../lib/types"

export const useStockMovements = (
  query: StockMovementFilters,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: stockMovementsQueryKeys.list(query),
    queryFn: () =>
      stockroom.adminListStockMovements({ query }) as Promise<StockMovementsResponse>,
    placeholderData: keepPreviousData,
    ...options,
  })

/** A manual movement changes the counts too: both resources refetch. */
export const useCreateStockMovement = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateStockMovementBody) =>
      stockroom.adminCreateStockMovement({ body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: stockItemsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: stockMovementsQueryKeys.all })
    },
  })
}

/**
 * Downloads the ledger as CSV with the same filters as the table. Fetched
 * (not a plain link) so a failure can be shown rather than saved as a file.
 * Not through `stockroom.adminExportStockMovements`: that answers the CSV's
 * text, and the download needs the Response (its blob and the file name in
 * Content-Disposition).
 */
export const useExportStockMovements = () =>
  useMutation({
    mutationFn: async (query: StockMovementFilters) => {
      const { offset: _offset, limit: _limit, ...filters } = query
      const search = toSearch(filters)
      const response = await sdk.client.fetch<Response>(
        `/admin/stock-movements/export${search ? `?${search}` : ""}`,
        { headers: { accept: "text/csv" } }
      )
      const blob = await response.blob()
      const disposition = response.headers.get("content-disposition") ?? ""
      const filename =
        /filename="?([^";]+)"?/.exec(disposition)?.[1] ??
        `stock-movements-${new Date().toISOString().slice(0, 10)}.csv`
      const url = URL.createObjectURL(blob)
      const anchor = document.createElement("a")
      anchor.href = url
      anchor.download = filename
      document.body.appendChild(anchor)
      anchor.click()
      anchor.remove()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
      return { filename, size: blob.size }
    },
  })
