import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { AccessGate } from "../components/access-gate"
import { LocationSettingsCard } from "../components/location-settings-card"
import { LocationStockSection } from "../components/location-stock-section"
import { TransferStockDrawer } from "../components/transfer-stock-drawer"
import { useLocationStockroom } from "../hooks/location-stock"

const LocationStockroom = ({ location }: { location: { id: string; name: string } }) => {
  const { settingsCard, stockSection, transferDrawer } = useLocationStockroom(location)
  return (
    <div className="flex flex-col gap-y-3">
      <LocationSettingsCard {...settingsCard} />
      <LocationStockSection {...stockSection} />
      <TransferStockDrawer {...transferDrawer} />
    </div>
  )
}

/** Location page: Stockroom settings, stock items and transfers. */
const LocationStockroomWidget = ({
  data,
}: DetailWidgetProps<HttpTypes.AdminStockLocation>) => (
  <AccessGate
    action="viewStock"
    title="Stock items"
    description="You don't have permission to view Stockroom's stock."
    level="h2"
  >
    <LocationStockroom location={{ id: data.id, name: data.name }} />
  </AccessGate>
)

export const config = defineWidgetConfig({
  zone: "location.details.after",
})

export default LocationStockroomWidget
