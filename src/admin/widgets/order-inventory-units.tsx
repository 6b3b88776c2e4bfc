import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { OrderInventorySection } from "../components/order-inventory-section"
import { useOrderInventory } from "../hooks/order-inventory"

/** Order page: the order's inventory units by line, and what is backordered. */
const OrderInventoryUnitsWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminOrder>) => (
  <OrderInventorySection {...useOrderInventory(data)} />
)

export const config = defineWidgetConfig({
  zone: "order.details.after",
})

export default OrderInventoryUnitsWidget
