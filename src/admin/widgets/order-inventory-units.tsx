import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { AccessGate } from "../components/access-gate"
import { MoveToLocationDrawer } from "../components/move-to-location-drawer"
import { OrderInventorySection } from "../components/order-inventory-section"
import { ReturnAuthorizationDrawer } from "../components/return-authorization-drawer"
import { ReturnAuthorizationsSection } from "../components/return-authorizations-section"
import { useOrderInventory } from "../hooks/order-inventory"
import { useOrderReturnAuthorizationsSection } from "../hooks/order-return-authorizations"
import { usePermissions } from "../hooks/permissions"
import { useMoveLineToLocation } from "../hooks/reallocation"

type Order = HttpTypes.AdminOrder

const OrderReturnAuthorizations = ({ order }: { order: Order }) => {
  const returns = useOrderReturnAuthorizationsSection(order)
  return (
    <>
      <ReturnAuthorizationsSection {...returns.section} />
      <ReturnAuthorizationDrawer {...returns.drawer} />
    </>
  )
}

const OrderInventoryUnits = ({ order }: { order: Order }) => {
  const inventory = useOrderInventory(order)
  const move = useMoveLineToLocation(order.id, inventory.lines)
  const permissions = usePermissions()
  return (
    <div className="flex flex-col gap-y-3">
      <OrderInventorySection
        {...inventory}
        onMoveLine={permissions.can("reallocateLine") ? move.onMoveLine : undefined}
      />
      <MoveToLocationDrawer {...move.drawer} />
      <AccessGate
        action="viewReturnAuthorizations"
        title="Return authorizations"
        description="You don't have permission to view return authorizations."
        level="h2"
      >
        <OrderReturnAuthorizations order={order} />
      </AccessGate>
    </div>
  )
}

/**
 * Order page: the order's inventory units by line (each line can move to
 * another location), what is backordered, and its return authorizations.
 */
const OrderInventoryUnitsWidget = ({ data }: DetailWidgetProps<Order>) => (
  <AccessGate
    action="viewInventoryUnits"
    title="Inventory units"
    description="You don't have permission to view this order's inventory units."
    level="h2"
  >
    <OrderInventoryUnits order={data} />
  </AccessGate>
)

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderInventoryUnitsWidget
