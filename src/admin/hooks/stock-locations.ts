import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { labelsQueryKeys, stockLocationSettingsQueryKeys } from "../lib/query-keys"
import type { StockroomRequest } from "../../client"
import { sdk, stockroom } from "../lib/sdk"

export const useStockLocationSetting = (
  locationId: string,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: stockLocationSettingsQueryKeys.detail(locationId),
    queryFn: () =>
      stockroom.adminGetStockLocationSetting({ id: locationId }),
    retry: false,
    ...options,
  })

export const useUpdateStockLocationSetting = (locationId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: StockroomRequest<"adminUpdateStockLocationSetting">["body"]) =>
      stockroom.adminUpdateStockLocationSetting({ id: locationId, body }),
    onSuccess: (data) => {
      queryClient.setQueryData(stockLocationSettingsQueryKeys.detail(locationId), data)
    },
  })
}

/** Every stock location's id and name, for labels and pickers. */
export const useStockLocations = () =>
  useQuery({
    queryKey: labelsQueryKeys.allLocations,
    queryFn: () =>
      sdk.admin.stockLocation.list({ fields: "id,name", limit: 1000 }),
    select: (data) => data.stock_locations,
    staleTime: 60_000,
  })
