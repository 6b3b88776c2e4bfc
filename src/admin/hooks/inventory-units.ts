import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { backordersQueryKeys, inventoryUnitsQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  BackorderFilters,
  BackordersResponse,
  OrderInventoryUnitsResponse,
} from "../lib/types"

/** One order's inventory units by line, with the quantity per state. */
export const useOrderInventoryUnits = (orderId: string) =>
  useQuery({
    queryKey: inventoryUnitsQueryKeys.list({ order_id: orderId }),
    queryFn: () =>
      sdk.client.fetch<OrderInventoryUnitsResponse>(
        `/admin/orders/${orderId}/inventory-units`
      ),
  })

/** The backorder queue, oldest first: the order backorders are filled in. */
export const useBackorders = (query: BackorderFilters) =>
  useQuery({
    queryKey: backordersQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<BackordersResponse>("/admin/backorders", { query }),
    placeholderData: keepPreviousData,
  })
