import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { AccessGate } from "../components/access-gate"
import { ItemStockSection } from "../components/item-stock-section"
import { MoveStockDrawer } from "../components/move-stock-drawer"
import { WaitingSubscribers } from "../components/waiting-subscribers"
import { useWaitingSubscribers } from "../hooks/demand"
import { useItemStockSection } from "../hooks/item-stock"
import { usePermissions } from "../hooks/permissions"

const VariantStock = ({ variantId }: { variantId: string }) => {
  const { section, drawer } = useItemStockSection(
    { variant_id: variantId },
    `/stock-movements?variant_id=${encodeURIComponent(variantId)}`
  )
  const canViewDemand = usePermissions().can("viewDemand")
  const subscribers = useWaitingSubscribers(variantId, { enabled: canViewDemand })
  return (
    <>
      <ItemStockSection {...section} />
      {canViewDemand && (
        <WaitingSubscribers waiting={subscribers.waiting} isLoading={subscribers.isLoading} />
      )}
      <MoveStockDrawer {...drawer} />
    </>
  )
}

/** Variant page: the variant's stock per location and its latest movements. */
const VariantStockWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminProductVariant>) => (
  <AccessGate
    action="viewStock"
    title="Stock by location"
    description="You don't have permission to view Stockroom's stock."
    level="h2"
  >
    <VariantStock variantId={data.id} />
  </AccessGate>
)

export const config = defineWidgetConfig({
  zone: "product_variant.details.after",
})

export default VariantStockWidget
