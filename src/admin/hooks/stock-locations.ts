import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useMemo } from "react"
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

/** The stock locations as a name per id (table cells) and as filter options, for list pages. */
export const useLocationChoices = () => {
  const { data } = useStockLocations()
  return useMemo(() => {
    const locations = data ?? []
    return {
      locations,
      labels: Object.fromEntries(locations.map((location) => [location.id, location.name])) as Record<string, string>,
      options: locations.map((location) => ({ label: location.name, value: location.id })),
    }
  }, [data])
}
