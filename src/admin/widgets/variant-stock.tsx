import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { ItemStockSection } from "../components/item-stock-section"
import { MoveStockDrawer } from "../components/move-stock-drawer"
import { useItemStockSection } from "../hooks/item-stock"
import { WaitingSubscribers } from "../components/waiting-subscribers"
import { useWaitingSubscribers } from "../hooks/demand"

/** Variant page: the variant's stock per location and its latest movements. */
const VariantStockWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminProductVariant>) => {
  const { section, drawer } = useItemStockSection(
    { variant_id: data.id },
    `/stock-movements?variant_id=${encodeURIComponent(data.id)}`
  )
  const subscribers = useWaitingSubscribers(data.id)
  return (
    <>
      <ItemStockSection {...section} />
      <WaitingSubscribers waiting={subscribers.waiting} isLoading={subscribers.isLoading} />
      <MoveStockDrawer {...drawer} />
    </>
  )
}

export const config = defineWidgetConfig({
  zone: "product_variant.details.after",
})

export default VariantStockWidget
