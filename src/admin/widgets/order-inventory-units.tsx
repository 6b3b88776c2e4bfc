import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { MoveToLocationDrawer } from "../components/move-to-location-drawer"
import { OrderInventorySection } from "../components/order-inventory-section"
import { ReturnAuthorizationDrawer } from "../components/return-authorization-drawer"
import { ReturnAuthorizationsSection } from "../components/return-authorizations-section"
import { useOrderInventory } from "../hooks/order-inventory"
import { useOrderReturnAuthorizationsSection } from "../hooks/order-return-authorizations"
import { useMoveLineToLocation } from "../hooks/reallocation"

/**
 * Order page: the order's inventory units by line (each line can move to
 * another location), what is backordered, and its return authorizations.
 */
const OrderInventoryUnitsWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const returns = useOrderReturnAuthorizationsSection(data)
  const inventory = useOrderInventory(data)
  const move = useMoveLineToLocation(data.id, inventory.lines)
  return (
    <div className="flex flex-col gap-y-3">
      <OrderInventorySection {...inventory} onMoveLine={move.onMoveLine} />
      <MoveToLocationDrawer {...move.drawer} />
      <ReturnAuthorizationsSection {...returns.section} />
      <ReturnAuthorizationDrawer {...returns.drawer} />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderInventoryUnitsWidget
