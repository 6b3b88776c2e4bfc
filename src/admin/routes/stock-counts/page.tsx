import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ListCheckbox } from "@medusajs/icons"
import { Button, Container, Heading, Select, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListPagination } from "../../components/list-pagination"
import { SectionEmpty, SectionError, SectionLoading } from "../../components/section-states"
import { StockCountOpenDrawer } from "../../components/stock-count-open-drawer"
import { StockCountStateBadge } from "../../components/stock-count-state-badge"
import { usePermissions } from "../../hooks/permissions"
import { useOpenStockCount, useStockCounts } from "../../hooks/stock-counts"
import { useStockLocations } from "../../hooks/stock-locations"
import { useUrlListState } from "../../hooks/url-list-state"
import { formatDateTime, humanize } from "../../lib/format"
import { STOCK_COUNT_STATES, type StockCount, type StockCountState } from "../../lib/types"

const PAGE_SIZE = 20
const ALL = "all"

const countedOf = (count: StockCount) =>
  (count.items ?? []).filter((item) => item.counted !== null && item.counted !== undefined).length

/** Stock counts (stocktakes): open one per location, count, review the differences, apply. */
const StockCountsPage = () => {
  const { read, pageIndex, update, goToPage } = useUrlListState()
  const navigate = useNavigate()
  const state = read("state")
  const locationId = read("location_id")
  const [opening, setOpening] = useState(false)
  // The URL's value as it is: the route refuses a state it does not know.
  const counts = useStockCounts({ state: state as StockCountState | undefined, location_id: locationId, offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })
  const locations = useStockLocations()
  const open = useOpenStockCount()
  const canOpen = usePermissions().can("openStockCount")
  const rows = counts.data?.stock_counts ?? []
  const count = counts.data?.count ?? 0
  const locationLabels = Object.fromEntries((locations.data ?? []).map((location) => [location.id, location.name])) as Record<string, string>

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading>Stock counts</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Count what is on the shelves of a location; applying books each difference as a cycle count.
            </Text>
          </div>
          {canOpen && (
            <Button size="small" variant="secondary" onClick={() => setOpening(true)}>
              Open count
            </Button>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="stock-count-filters">
          <div className="w-[180px]">
            <Select size="small" value={state ?? ALL} onValueChange={(value) => update({ state: value === ALL ? undefined : value })}>
              <Select.Trigger aria-label="State">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All states</Select.Item>
                {STOCK_COUNT_STATES.map((value) => (
                  <Select.Item key={value} value={value}>{humanize(value)}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="w-[200px]">
            <Select size="small" value={locationId ?? ALL} onValueChange={(value) => update({ location_id: value === ALL ? undefined : value })}>
              <Select.Trigger aria-label="Location">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All locations</Select.Item>
                {(locations.data ?? []).map((location) => (
                  <Select.Item key={location.id} value={location.id}>{location.name}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
        {counts.isLoading ? (
          <SectionLoading rows={6} />
        ) : counts.error ? (
          <SectionError message={counts.error.message} onRetry={() => void counts.refetch()} />
        ) : !rows.length ? (
          <SectionEmpty
            title={state || locationId ? "No stock count matches" : "No stock counts yet"}
            description={state || locationId ? "Change the filters to see more." : "Open one to count a location's shelves."}
          />
        ) : (
          <div data-testid="stock-counts-table" aria-busy={counts.isFetching}>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Number</Table.HeaderCell>
                  <Table.HeaderCell>Location</Table.HeaderCell>
                  <Table.HeaderCell>State</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Counted</Table.HeaderCell>
                  <Table.HeaderCell>Opened</Table.HeaderCell>
                  <Table.HeaderCell>Applied</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((stockCount) => (
                  <Table.Row key={stockCount.id} data-stock-count-id={stockCount.id} className="cursor-pointer" onClick={() => navigate(`/stock-counts/${stockCount.id}`)}>
                    <Table.Cell>
                      <Link to={`/stock-counts/${stockCount.id}`} className="txt-compact-small-plus text-ui-fg-interactive">{stockCount.number}</Link>
                    </Table.Cell>
                    <Table.Cell>{locationLabels[stockCount.location_id] ?? stockCount.location_id}</Table.Cell>
                    <Table.Cell><StockCountStateBadge state={stockCount.state} /></Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {countedOf(stockCount)} / {(stockCount.items ?? []).length}
                    </Table.Cell>
                    <Table.Cell>{formatDateTime(stockCount.created_at)}</Table.Cell>
                    <Table.Cell>{stockCount.applied_at ? formatDateTime(stockCount.applied_at) : "—"}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <ListPagination count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={goToPage} />
          </div>
        )}
      </Container>
      <StockCountOpenDrawer
        open={opening}
        onOpenChange={setOpening}
        locations={locations.data ?? []}
        isPending={open.isPending}
        serverError={open.error?.message}
        onSubmit={(body) =>
          open.mutate(body, {
            onSuccess: ({ stock_count }) => {
              toast.success(`${stock_count.number} opened`)
              setOpening(false)
              navigate(`/stock-counts/${stock_count.id}`)
            },
          })
        }
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Stock counts",
  nested: "/inventory",
  icon: ListCheckbox,
})

const StockCountsRoute = () => (
  <AccessGate
    action="viewStockCounts"
    title="Stock counts"
    description="You don't have permission to view stock counts."
  >
    <StockCountsPage />
  </AccessGate>
)

export default StockCountsRoute
