import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { backordersQueryKeys, inventoryUnitsQueryKeys } from "../lib/query-keys"
import { stockroom } from "../lib/sdk"
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
      stockroom.adminListOrderInventoryUnits({
        id: orderId,
      }) as Promise<OrderInventoryUnitsResponse>,
  })

/** The backorder queue, oldest first: the order backorders are filled in. */
export const useBackorders = (query: BackorderFilters) =>
  useQuery({
    queryKey: backordersQueryKeys.list(query),
    queryFn: () =>
      stockroom.adminListBackorders({ query }) as Promise<BackordersResponse>,
    placeholderData: keepPreviousData,
  })
