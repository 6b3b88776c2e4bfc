import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { LocationSettingsCard } from "../components/location-settings-card"
import { LocationStockSection } from "../components/location-stock-section"
import { TransferStockDrawer } from "../components/transfer-stock-drawer"
import { useLocationStockroom } from "../hooks/location-stock"

/** Location page: Stockroom settings, stock items and transfers. */
const LocationStockroomWidget = ({
  data,
}: DetailWidgetProps<HttpTypes.AdminStockLocation>) => {
  const { settingsCard, stockSection, transferDrawer } = useLocationStockroom({
    id: data.id,
    name: data.name,
  })
  return (
    <div className="flex flex-col gap-y-3">
      <LocationSettingsCard {...settingsCard} />
      <LocationStockSection {...stockSection} />
      <TransferStockDrawer {...transferDrawer} />
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "location.details.after",
})

export default LocationStockroomWidget
