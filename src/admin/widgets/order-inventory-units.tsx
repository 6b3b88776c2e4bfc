import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { AccessGate } from "../components/access-gate"
import { OrderInventorySection } from "../components/order-inventory-section"
import { ReturnAuthorizationDrawer } from "../components/return-authorization-drawer"
import { ReturnAuthorizationsSection } from "../components/return-authorizations-section"
import { useOrderInventory } from "../hooks/order-inventory"
import { useOrderReturnAuthorizationsSection } from "../hooks/order-return-authorizations"

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

const OrderInventoryUnits = ({ order }: { order: Order }) => (
  <div className="flex flex-col gap-y-3">
    <OrderInventorySection {...useOrderInventory(order)} />
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

/**
 * Order page: the order's inventory units by line, what is backordered, and
 * its return authorizations.
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
