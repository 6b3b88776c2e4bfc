import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Clock } from "@medusajs/icons"
import { Container, Heading, Select, Text } from "@medusajs/ui"
import { AccessGate } from "../../components/access-gate"
import { BackordersTable } from "../../components/backorders-table"
import { ListPagination } from "../../components/list-pagination"
import {
  SectionEmpty,
  SectionError,
  SectionLoading,
} from "../../components/section-states"
import { useBackorders } from "../../hooks/inventory-units"
import { useStockLocations } from "../../hooks/stock-locations"
import { useUrlListState } from "../../hooks/url-list-state"

const PAGE_SIZE = 20
const ALL = "all"

/** The backorder queue, oldest first; the location and page live in the URL. */
const BackordersPage = () => {
  const { read, pageIndex, update, goToPage } = useUrlListState()
  const locationId = read("location_id")
  const backorders = useBackorders({
    location_id: locationId,
    offset: pageIndex * PAGE_SIZE,
    limit: PAGE_SIZE,
  })
  const locations = useStockLocations()
  const rows = backorders.data?.backorders ?? []
  const count = backorders.data?.count ?? 0
  const locationLabels = Object.fromEntries(
    (locations.data ?? []).map((location) => [location.id, location.name])
  ) as Record<string, string>

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Backorders</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Ordered units waiting for stock, oldest first — the order they fill in as stock arrives.
          </Text>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="backorder-filters">
        <div className="w-[200px]">
          <Select
            size="small"
            value={locationId ?? ALL}
            onValueChange={(value) => update({ location_id: value === ALL ? undefined : value })}
          >
            <Select.Trigger aria-label="Location">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All locations</Select.Item>
              {(locations.data ?? []).map((location) => (
                <Select.Item key={location.id} value={location.id}>
                  {location.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {backorders.isLoading ? (
        <SectionLoading rows={8} />
      ) : backorders.error ? (
        <SectionError
          message={backorders.error.message}
          onRetry={() => void backorders.refetch()}
        />
      ) : !rows.length ? (
        <SectionEmpty
          title={
            count > 0
              ? "This page is empty"
              : locationId
                ? "No backorders at this location"
                : "No backorders — every ordered unit is in stock"
          }
          description={
            count > 0
              ? "The queue has fewer pages now; go back a page."
              : locationId
                ? "Every unit ordered from here is in stock."
                : undefined
          }
        />
      ) : (
        <div data-testid="backorders-table" aria-busy={backorders.isFetching}>
          <BackordersTable backorders={rows} locationLabels={locationLabels} />
          <ListPagination count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={goToPage} />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Backorders",
  nested: "/inventory",
  icon: Clock,
})

const BackordersRoute = () => (
  <AccessGate
    action="viewBackorders"
    title="Backorders"
    description="You don't have permission to view backorders."
  >
    <BackordersPage />
  </AccessGate>
)

export default BackordersRoute
