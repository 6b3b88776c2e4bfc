import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { AccessGate } from "../components/access-gate"
import { ItemStockSection } from "../components/item-stock-section"
import { MoveStockDrawer } from "../components/move-stock-drawer"
import { useItemStockSection } from "../hooks/item-stock"

const InventoryItemStock = ({ inventoryItemId }: { inventoryItemId: string }) => {
  const { section, drawer } = useItemStockSection(
    { inventory_item_id: inventoryItemId },
    `/stock-movements?inventory_item_id=${encodeURIComponent(inventoryItemId)}`
  )
  return (
    <>
      <ItemStockSection {...section} />
      <MoveStockDrawer {...drawer} />
    </>
  )
}

/** Inventory item page: stock per location and the latest movements. */
const InventoryItemStockWidget = ({
  data,
}: DetailWidgetProps<HttpTypes.AdminInventoryItem>) => (
  <AccessGate
    action="viewStock"
    title="Stock by location"
    description="You don't have permission to view Stockroom's stock."
    level="h2"
  >
    <InventoryItemStock inventoryItemId={data.id} />
  </AccessGate>
)

export const config = defineWidgetConfig({
  zone: "inventory_item.details.after",
})

export default InventoryItemStockWidget
