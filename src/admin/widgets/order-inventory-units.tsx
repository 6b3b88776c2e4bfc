import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { OrderInventorySection } from "../components/order-inventory-section"
import { ReturnAuthorizationDrawer } from "../components/return-authorization-drawer"
import { ReturnAuthorizationsSection } from "../components/return-authorizations-section"
import { useOrderInventory } from "../hooks/order-inventory"
import { useOrderReturnAuthorizationsSection } from "../hooks/order-return-authorizations"

/**
 * Order page: the order's inventory units by line, what is backordered, and
 * its return authorizations.
 */
const OrderInventoryUnitsWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const returns = useOrderReturnAuthorizationsSection(data)
  return (
    <div className="flex flex-col gap-y-3">
      <OrderInventorySection {...useOrderInventory(data)} />
      <ReturnAuthorizationsSection {...returns.section} />
      <ReturnAuthorizationDrawer {...returns.drawer} />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderInventoryUnitsWidget
