import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import type { MoveToLocationDrawerProps } from "../components/move-to-location-drawer"
import type { OrderInventoryLine } from "../components/order-inventory-section"
import {
  dashboardQueryKeys,
  inventoryUnitsQueryKeys,
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
} from "../lib/query-keys"
import type { StockroomResponse } from "../../client"
import { stockroom } from "../lib/sdk"

/** A location of the order's channel as a destination for one line. */
export type LineReallocationTarget =
  StockroomResponse<"adminListOrderLineReallocationTargets">["locations"][number]

const targetsKey = (orderId: string, lineItemId: string | null) =>
  [...inventoryUnitsQueryKeys.all, "reallocation", orderId, lineItemId] as const

/** The channel's locations with their sellable stock for the line. */
export const useLineReallocationTargets = (orderId: string, lineItemId: string | null) =>
  useQuery({
    queryKey: targetsKey(orderId, lineItemId),
    queryFn: () =>
      stockroom.adminListOrderLineReallocationTargets({
        id: orderId,
        query: { line_item_id: lineItemId! },
      }),
    enabled: !!lineItemId,
  })

export const useReallocateOrderLine = (orderId: string) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { line_item_id: string; location_id: string }) =>
      stockroom.adminReallocateOrderLine({ id: orderId, body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: inventoryUnitsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: stockItemsQueryKeys.all })
      queryClient.invalidateQueries({ queryKey: stockMovementsQueryKeys.all })
      // Medusa's order page shows the reservations' location.
      queryClient.invalidateQueries({ queryKey: dashboardQueryKeys.orders })
    },
  })
}

/**
 * "Move to location" on the order's line groups: which line the drawer is
 * open for, the channel's locations for it, and the move with its toast.
 */
export function useMoveLineToLocation(orderId: string, lines: OrderInventoryLine[]) {
  const [lineItemId, setLineItemId] = useState<string | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)
  const targets = useLineReallocationTargets(orderId, lineItemId)
  const reallocate = useReallocateOrderLine(orderId)
  const line = lines.find((candidate) => candidate.lineItemId === lineItemId)

  const drawer: MoveToLocationDrawerProps = {
    open: !!lineItemId,
    onOpenChange: (open) => {
      if (!open) {
        setLineItemId(null)
        setServerError(null)
      }
    },
    lineTitle: line ? `${line.title} (${line.subtitle})` : "",
    locations: targets.data?.locations ?? [],
    isLoading: targets.isLoading,
    loadError: targets.error ? targets.error.message : null,
    isPending: reallocate.isPending,
    serverError,
    onSubmit: (locationId) => {
      if (!lineItemId) {
        return
      }
      setServerError(null)
      const target = targets.data?.locations.find((location) => location.location_id === locationId)
      reallocate.mutate(
        { line_item_id: lineItemId, location_id: locationId },
        {
          onSuccess: () => {
            toast.success("Line moved", {
              description: `${line?.title ?? "The line"} is now allocated at ${target?.name ?? locationId}`,
            })
            setLineItemId(null)
          },
          onError: (error) => {
            setServerError(error.message)
            toast.error("Line was not moved", { description: error.message })
          },
        }
      )
    },
  }
  return { onMoveLine: (id: string) => setLineItemId(id), drawer }
}
