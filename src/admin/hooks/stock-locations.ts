import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { labelsQueryKeys, stockLocationSettingsQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { StockLocationSetting, StockLocationSettingResponse } from "../lib/types"

export const useStockLocationSetting = (
  locationId: string,
  options: { enabled?: boolean } = {}
) =>
  useQuery({
    queryKey: stockLocationSettingsQueryKeys.detail(locationId),
    queryFn: () =>
      sdk.client.fetch<StockLocationSettingResponse>(
        `/admin/stock-locations/${locationId}/stockroom`
      ),
    retry: false,
    ...options,
  })

export const useUpdateStockLocationSetting = (locationId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<Omit<StockLocationSetting, "stock_location_id">>) =>
      sdk.client.fetch<StockLocationSettingResponse>(
        `/admin/stock-locations/${locationId}/stockroom`,
        { method: "POST", body }
      ),
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
