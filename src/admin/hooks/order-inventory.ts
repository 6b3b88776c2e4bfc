import type { OrderInventorySectionProps } from "../components/order-inventory-section"
import { INVENTORY_UNIT_STATES } from "../lib/types"
import { useOrderInventoryUnits } from "./inventory-units"
import { usePermissions } from "./permissions"
import { useStockLocations } from "./stock-locations"
import { useStockroomInfo } from "./stockroom"

const STATE_ORDER: readonly string[] = INVENTORY_UNIT_STATES

type OrderLine = {
  id: string
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  variant_sku?: string | null
}

/**
 * The order widget's data: the order's units grouped by line (titled from
 * the order the dashboard already loaded), location names, and whether
 * backordered units block a fulfillment (allow_backorder_shipping off).
 */
export function useOrderInventory(order: {
  id: string
  items?: OrderLine[] | null
}): OrderInventorySectionProps {
  const units = useOrderInventoryUnits(order.id)
  const locations = useStockLocations()
  const info = useStockroomInfo({ enabled: usePermissions().can("viewSettings") })
  const locationLabels = Object.fromEntries(
    (locations.data ?? []).map((location) => [location.id, location.name])
  ) as Record<string, string>
  const lineById = new Map((order.items ?? []).map((item) => [item.id, item]))

  const rows = units.data?.inventory_units ?? []
  const lineIds = [...new Set(rows.map((unit) => unit.line_item_id))]
  const lines = lineIds.map((lineId) => {
    const item = lineById.get(lineId)
    const title = item?.product_title || item?.title || "Removed line item"
    const variant = [item?.variant_title, item?.variant_sku].filter(Boolean).join(" · ")
    return {
      lineItemId: lineId,
      title,
      subtitle: variant || lineId,
      // On hand first, then what is owed, then what has left: stable within a state.
      units: rows
        .filter((unit) => unit.line_item_id === lineId)
        .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state)),
    }
  })

  return {
    lines,
    totals: units.data?.totals ?? {},
    locationLabels,
    // Until the options answer, assume the default: shipping backorders is refused.
    allowBackorderShipping: info.data?.options.allow_backorder_shipping ?? false,
    isLoading: units.isLoading,
    error: units.error ? units.error.message : null,
    onRetry: () => void units.refetch(),
  }
}
