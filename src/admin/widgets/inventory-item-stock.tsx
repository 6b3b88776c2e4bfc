import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { ItemStockSection } from "../components/item-stock-section"
import { MoveStockDrawer } from "../components/move-stock-drawer"
import { useItemStockSection } from "../hooks/item-stock"

/** Inventory item page: stock per location and the latest movements. */
const InventoryItemStockWidget = ({
  data,
}: DetailWidgetProps<HttpTypes.AdminInventoryItem>) => {
  const { section, drawer } = useItemStockSection(
    { inventory_item_id: data.id },
    `/stock-movements?inventory_item_id=${encodeURIComponent(data.id)}`
  )
  return (
    <>
      <ItemStockSection {...section} />
      <MoveStockDrawer {...drawer} />
    </>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.details.after",
})

export default InventoryItemStockWidget
