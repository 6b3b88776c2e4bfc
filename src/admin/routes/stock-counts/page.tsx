import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ListCheckbox } from "@medusajs/icons"
import {
  Button,
  createDataTableColumnHelper,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListDataTable } from "../../components/list-data-table"
import { StockCountOpenDrawer } from "../../components/stock-count-open-drawer"
import { StockCountStateBadge } from "../../components/stock-count-state-badge"
import { singleValueUrlFilter, useDataTableUrlState } from "../../hooks/data-table-url-state"
import { usePermissions } from "../../hooks/permissions"
import { type StockCountListQuery, useOpenStockCount, useStockCounts } from "../../hooks/stock-counts"
import { useStateAndLocationFilters } from "../../hooks/state-location-filters"
import { formatDateTime } from "../../lib/format"
import { STOCK_COUNT_STATES, type StockCount, type StockCountState } from "../../lib/types"

const PAGE_SIZE = 20
const URL_FILTERS = {
  state: singleValueUrlFilter("state"),
  location_id: singleValueUrlFilter("location_id"),
}

const countedOf = (count: StockCount) =>
  (count.items ?? []).filter((item) => item.counted !== null && item.counted !== undefined).length

const columnHelper = createDataTableColumnHelper<StockCount>()

const stockCountColumns = (locationLabels: Record<string, string>) => [
  columnHelper.accessor("number", {
    header: "Number",
    enableSorting: true,
    cell: ({ row: { original: stockCount } }) => (
      <Link
        to={`/stock-counts/${stockCount.id}`}
        className="txt-compact-small-plus text-ui-fg-interactive"
        data-stock-count-id={stockCount.id}
      >
        {stockCount.number}
      </Link>
    ),
  }),
  columnHelper.accessor("location_id", {
    header: "Location",
    cell: ({ getValue }) => locationLabels[getValue()] ?? getValue(),
  }),
  columnHelper.accessor("state", {
    header: "State",
    enableSorting: true,
    cell: ({ getValue }) => <StockCountStateBadge state={getValue()} />,
  }),
  columnHelper.accessor("items", {
    id: "counted",
    header: "Counted",
    align: "right",
    cell: ({ row: { original: stockCount } }) => (
      <span className="tabular-nums">
        {countedOf(stockCount)} / {(stockCount.items ?? []).length}
      </span>
    ),
  }),
  columnHelper.accessor("created_at", {
    header: "Opened",
    enableSorting: true,
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
    cell: ({ getValue }) => formatDateTime(getValue()),
  }),
  columnHelper.accessor("applied_at", {
    header: "Applied",
    cell: ({ getValue }) => {
      const appliedAt = getValue()
      return appliedAt ? formatDateTime(appliedAt) : "—"
    },
  }),
]

/** Stock counts (stocktakes): open one per location, count, review the differences, apply. */
const StockCountsPage = () => {
  const { read, listQuery, pageIndex, tableState } = useDataTableUrlState({
    pageSize: PAGE_SIZE,
    filters: URL_FILTERS,
    defaultOrder: "-created_at",
  })
  const navigate = useNavigate()
  const state = read("state")
  const locationId = read("location_id")
  const [opening, setOpening] = useState(false)
  // The URL's value as it is: the route refuses a state it does not know.
  const query: StockCountListQuery = { state: state as StockCountState | undefined, location_id: locationId, ...listQuery }
  const counts = useStockCounts(query)
  const { filters, labels: locationLabels, locations } = useStateAndLocationFilters(STOCK_COUNT_STATES)
  const open = useOpenStockCount()
  const canOpen = usePermissions().can("openStockCount")
  const rows = counts.data?.stock_counts ?? []
  const count = counts.data?.count ?? 0
  const columns = useMemo(() => stockCountColumns(locationLabels), [locationLabels])
  const instance = useDataTable({
    data: rows,
    columns,
    filters,
    getRowId: (stockCount) => stockCount.id,
    rowCount: count,
    isLoading: counts.isLoading,
    onRowClick: (_event, row) => navigate(`/stock-counts/${row.id}`),
    ...tableState,
  })
  const filtered = !!(state || locationId)

  return (
    <div className="flex flex-col gap-y-3">
      <ListDataTable
        instance={instance}
        heading="Stock counts"
        description="Count what is on the shelves of a location; applying books each difference as a cycle count."
        toolbarTestId="stock-count-filters"
        testId="stock-counts-table"
        isFetching={counts.isFetching}
        error={counts.error}
        onRetry={() => void counts.refetch()}
        emptyState={
          count > 0 && pageIndex > 0
            ? { heading: "This page is empty", description: "Go back a page." }
            : filtered
              ? { heading: "No stock count matches", description: "Change the filters to see more." }
              : { heading: "No stock counts yet", description: "Open one to count a location's shelves." }
        }
        actions={
          canOpen && (
            <Button size="small" variant="secondary" onClick={() => setOpening(true)}>
              Open count
            </Button>
          )
        }
      />
      <StockCountOpenDrawer
        open={opening}
        onOpenChange={setOpening}
        locations={locations}
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
