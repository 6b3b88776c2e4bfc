import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Clock } from "@medusajs/icons"
import {
  Text,
  Tooltip,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
} from "@medusajs/ui"
import { useMemo } from "react"
import { Link } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListDataTable } from "../../components/list-data-table"
import { useBackorders } from "../../hooks/inventory-units"
import { singleValueUrlFilter, useDataTableUrlState } from "../../hooks/data-table-url-state"
import { useLocationChoices } from "../../hooks/stock-locations"
import { formatDateTime, formatRelative } from "../../lib/format"
import type { Backorder } from "../../lib/types"

const PAGE_SIZE = 20
const URL_FILTERS = { location_id: singleValueUrlFilter("location_id") }

const columnHelper = createDataTableColumnHelper<Backorder>()
const filterHelper = createDataTableFilterHelper<Backorder>()

/** The queue's columns; the location's name comes from the page. */
const backorderColumns = (locationLabels: Record<string, string>) => [
  columnHelper.display({
    id: "ordered_at",
    header: "Ordered",
    cell: ({ row: { original: backorder } }) => (
      <Tooltip content={formatDateTime(backorder.ordered_at)}>
        <Text
          size="small"
          leading="compact"
          className="text-nowrap"
          data-unit-id={backorder.id}
          data-order-id={backorder.order_id}
        >
          {formatRelative(backorder.ordered_at)}
        </Text>
      </Tooltip>
    ),
  }),
  columnHelper.display({
    id: "order",
    header: "Order",
    cell: ({ row: { original: backorder } }) => (
      <Link
        to={`/orders/${backorder.order_id}`}
        className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover text-nowrap"
      >
        {backorder.order ? `#${backorder.order.display_id}` : backorder.order_id}
      </Link>
    ),
  }),
  columnHelper.display({
    id: "customer",
    header: "Customer",
    cell: ({ row: { original: backorder } }) => backorder.order?.email ?? "—",
  }),
  columnHelper.accessor("variant_id", {
    id: "variant",
    header: "Product / variant",
    truncateTooltip: false,
    cell: ({ row: { original: backorder } }) => {
      const variant = [backorder.variant?.title, backorder.variant?.sku && `(${backorder.variant.sku})`]
        .filter(Boolean)
        .join(" ")
      return (
        <div className="flex max-w-[280px] flex-col">
          {backorder.variant?.product ? (
            <Link
              to={`/products/${backorder.variant.product.id}/variants/${backorder.variant.id}`}
              className="txt-compact-small text-ui-fg-base hover:text-ui-fg-interactive truncate"
            >
              {backorder.variant.product.title}
            </Link>
          ) : (
            <Text size="small" leading="compact" className="truncate">
              {backorder.variant_id ?? "Untracked variant"}
            </Text>
          )}
          {variant && (
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted truncate">
              {variant}
            </Text>
          )}
        </div>
      )
    },
  }),
  columnHelper.display({
    id: "location",
    header: "Location",
    cell: ({ row: { original: backorder } }) =>
      backorder.location_id ? locationLabels[backorder.location_id] ?? backorder.location_id : "—",
  }),
  columnHelper.accessor("quantity", {
    header: "Quantity",
    align: "right",
    cell: ({ getValue }) => (
      <span className="tabular-nums" data-column="quantity">
        {getValue()}
      </span>
    ),
  }),
  columnHelper.accessor("queue_position", {
    header: "Queue",
    align: "right",
    cell: ({ row: { original: backorder } }) => (
      <span className="tabular-nums" data-column="queue-position">
        {backorder.queue_position != null ? `#${backorder.queue_position}` : "—"}
      </span>
    ),
  }),
  columnHelper.display({
    id: "expected_at",
    header: "Expected",
    cell: ({ row: { original: backorder } }) => (
      <span data-column="expected-at">{backorder.expected_at ?? "No date yet"}</span>
    ),
  }),
]

/**
 * The backorder queue, oldest first; the location and page live in the URL.
 * Not sortable: the queue's order is the order units fill in.
 */
const BackordersPage = () => {
  const { read, listQuery, pageIndex, tableState } = useDataTableUrlState({
    pageSize: PAGE_SIZE,
    filters: URL_FILTERS,
  })
  const locationId = read("location_id")
  const backorders = useBackorders({ location_id: locationId, ...listQuery })
  const locations = useLocationChoices()
  const rows = backorders.data?.backorders ?? []
  const count = backorders.data?.count ?? 0
  const locationLabels = locations.labels
  const columns = useMemo(() => backorderColumns(locationLabels), [locationLabels])
  const filters = useMemo(
    () => [
      filterHelper.accessor("location_id", {
        type: "radio",
        label: "Location",
        options: locations.options,
      }),
    ],
    [locations.options]
  )

  const instance = useDataTable({
    data: rows,
    columns,
    filters,
    getRowId: (backorder) => backorder.id,
    rowCount: count,
    isLoading: backorders.isLoading,
    ...tableState,
  })

  return (
    <ListDataTable
      instance={instance}
      heading="Backorders"
      description="Ordered units waiting for stock, oldest first — the order they fill in as stock arrives."
      toolbarTestId="backorder-filters"
      testId="backorders-table"
      isFetching={backorders.isFetching}
      error={backorders.error}
      onRetry={() => void backorders.refetch()}
      emptyState={
        count > 0 && pageIndex > 0
          ? { heading: "This page is empty", description: "The queue has fewer pages now; go back a page." }
          : locationId
            ? { heading: "No backorders at this location", description: "Every unit ordered from here is in stock." }
            : { heading: "No backorders — every ordered unit is in stock" }
      }
    />
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
