import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, ArrowUpDown, CloudArrowUp, XMarkMini } from "@medusajs/icons"
import { useMemo, useState } from "react"
import {
  Badge,
  Button,
  Text,
  Tooltip,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  toast,
  useDataTable,
} from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListDataTable } from "../../components/list-data-table"
import { MovementKindBadge } from "../../components/movement-kind-badge"
import { MovementSource, movementSource } from "../../components/movements-table"
import { SignedQuantity } from "../../components/quantity"
import { StockImportModal } from "../../components/stock-import-modal"
import {
  dayRangeUrlFilter,
  singleValueUrlFilter,
  useDataTableUrlState,
} from "../../hooks/data-table-url-state"
import { useInventoryItemLabels, useUserLabels } from "../../hooks/labels"
import { usePermissions } from "../../hooks/permissions"
import { useLocationChoices } from "../../hooks/stock-locations"
import {
  useExportStockMovements,
  useStockMovements,
} from "../../hooks/stock-movements"
import { formatDateTime, formatRelative, humanize } from "../../lib/format"
import {
  ORIGINATOR_TYPES,
  REASON_CODES,
  STOCK_MOVEMENT_KINDS,
  type StockMovement,
  type StockMovementFilters,
} from "../../lib/types"

const PAGE_SIZE = 20
const URL_FILTERS = {
  location_id: singleValueUrlFilter("location_id"),
  kind: singleValueUrlFilter("kind"),
  originator_type: singleValueUrlFilter("originator_type"),
  reason_code: singleValueUrlFilter("reason_code"),
  created_at: dayRangeUrlFilter("from", "to"),
}
/** Set by a widget's "View all": the ledger of one item, not offered in the filter menu. */
const ITEM_KEYS = ["inventory_item_id", "variant_id", "stock_item_id"] as const

const columnHelper = createDataTableColumnHelper<StockMovement>()
const filterHelper = createDataTableFilterHelper<StockMovement>()

const startOfDay = (daysAgo: number) => {
  const day = new Date()
  day.setHours(0, 0, 0, 0)
  day.setDate(day.getDate() - daysAgo)
  return day.toISOString()
}

const movementColumns = (labels: {
  locations: Record<string, string>
  items: Record<string, string>
  users: Record<string, string>
}) => [
  columnHelper.accessor("kind", {
    header: "Kind",
    cell: ({ row: { original: movement } }) => (
      <span data-movement-id={movement.id}>
        <MovementKindBadge kind={movement.kind} />
      </span>
    ),
  }),
  columnHelper.accessor("inventory_item_id", {
    header: "Item",
    cell: ({ getValue }) => (
      <Link
        to={`/inventory/${getValue()}`}
        className="txt-compact-small text-ui-fg-base hover:text-ui-fg-interactive block max-w-[220px] truncate"
      >
        {labels.items[getValue()] ?? getValue()}
      </Link>
    ),
  }),
  columnHelper.accessor("location_id", {
    header: "Location",
    cell: ({ getValue }) => labels.locations[getValue()] ?? getValue(),
  }),
  columnHelper.accessor("quantity", {
    header: "Quantity",
    align: "right",
    enableSorting: true,
    sortAscLabel: "Smallest first",
    sortDescLabel: "Largest first",
    cell: ({ getValue }) => (
      <span data-column="quantity">
        <SignedQuantity quantity={getValue()} />
      </span>
    ),
  }),
  columnHelper.accessor("stocked_after", {
    header: "On hand after",
    align: "right",
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
  columnHelper.accessor("count_on_hand_after", {
    header: "Count on hand after",
    align: "right",
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
  columnHelper.accessor("actor_id", {
    id: "source",
    header: "By",
    truncateTooltip: false,
    cell: ({ row: { original: movement } }) => (
      <MovementSource
        source={movementSource(movement, labels.users)}
        detail={[movement.reason, movement.note].filter(Boolean).join(" — ")}
        compact={false}
      />
    ),
  }),
  columnHelper.accessor("created_at", {
    header: "When",
    enableSorting: true,
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
    cell: ({ row: { original: movement } }) => (
      <Tooltip content={formatDateTime(movement.created_at)}>
        <Text size="small" leading="compact" className="text-nowrap">
          {formatRelative(movement.created_at)}
        </Text>
      </Tooltip>
    ),
  }),
]

/** The whole stock ledger, newest first; filters, order and page live in the URL. */
const StockMovementsPage = () => {
  const { read, update, listQuery, pageIndex, tableState } = useDataTableUrlState({
    pageSize: PAGE_SIZE,
    filters: URL_FILTERS,
    defaultOrder: "-created_at",
  })
  const item = ITEM_KEYS.map((key) => [key, read(key)] as const).find(([, value]) => value)
  const from = read("from")
  const to = read("to")

  const filters: StockMovementFilters = {
    location_id: read("location_id"),
    kind: read("kind") as StockMovementFilters["kind"],
    originator_type: read("originator_type") as StockMovementFilters["originator_type"],
    reason_code: read("reason_code") as StockMovementFilters["reason_code"],
    ...(item ? { [item[0]]: item[1] } : {}),
    created_at:
      from || to
        ? {
            gte: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
            lte: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
          }
        : undefined,
  }
  const movements = useStockMovements({ ...filters, ...listQuery })
  const locations = useLocationChoices()
  const rows = movements.data?.stock_movements ?? []
  const itemLabels = useInventoryItemLabels(rows.map((row) => row.inventory_item_id))
  const userLabels = useUserLabels(rows.map((row) => row.actor_id))
  const exportCsv = useExportStockMovements()
  const [importing, setImporting] = useState(false)
  const canImport = usePermissions().can("importStock")
  const count = movements.data?.count ?? 0

  const locationLabels = locations.labels
  const columns = useMemo(
    () =>
      movementColumns({
        locations: locationLabels,
        items: itemLabels.data ?? {},
        users: userLabels.data ?? {},
      }),
    [locationLabels, itemLabels.data, userLabels.data]
  )
  const tableFilters = useMemo(
    () => [
      filterHelper.accessor("location_id", {
        type: "radio",
        label: "Location",
        options: locations.options,
      }),
      filterHelper.accessor("kind", {
        type: "radio",
        label: "Kind",
        options: STOCK_MOVEMENT_KINDS.map((kind) => ({ label: humanize(kind), value: kind })),
      }),
      filterHelper.accessor("originator_type", {
        type: "radio",
        label: "Originator",
        options: ORIGINATOR_TYPES.map((type) => ({ label: humanize(type), value: type })),
      }),
      filterHelper.accessor("reason_code", {
        type: "radio",
        label: "Reason code",
        options: REASON_CODES.map((code) => ({ label: humanize(code), value: code })),
      }),
      filterHelper.accessor("created_at", {
        type: "date",
        label: "Date",
        options: [
          { label: "Today", value: { $gte: startOfDay(0) } },
          { label: "Last 7 days", value: { $gte: startOfDay(6) } },
          { label: "Last 30 days", value: { $gte: startOfDay(29) } },
        ],
      }),
    ],
    [locations.options]
  )

  const instance = useDataTable({
    data: rows,
    columns,
    filters: tableFilters,
    getRowId: (movement) => movement.id,
    rowCount: count,
    isLoading: movements.isLoading,
    ...tableState,
  })

  const onExport = () =>
    exportCsv.mutate(
      { ...filters, order: listQuery.order },
      {
        onSuccess: ({ filename }) => toast.success("Export ready", { description: filename }),
        onError: (error) =>
          toast.error("Could not export the ledger", {
            description:
              (error as { status?: number }).status === 404
                ? "This server's Stockroom has no CSV export yet."
                : error.message,
          }),
      }
    )

  const itemLabel = item
    ? item[0] === "inventory_item_id"
      ? itemLabels.data?.[item[1]!] ?? item[1]!
      : item[1]!
    : null

  return (
    <>
      <ListDataTable
        instance={instance}
        heading="Stock movements"
        description="Every change to stock, newest first. Rows are never edited; a correction is a new movement."
        toolbarTestId="ledger-filters"
        testId="ledger-table"
        isFetching={movements.isFetching}
        error={movements.error}
        onRetry={() => void movements.refetch()}
        filterBarContent={
          item && itemLabel ? (
            <Badge size="small" className="flex items-center gap-x-1">
              Item: {itemLabel}
              <button
                type="button"
                aria-label="Show every item"
                className="text-ui-fg-muted hover:text-ui-fg-subtle"
                onClick={() => update({ [item[0]]: undefined })}
              >
                <XMarkMini />
              </button>
            </Badge>
          ) : undefined
        }
        emptyState={{
          heading: "No movements",
          description:
            count === 0 && pageIndex === 0
              ? "No stock movement matches these filters."
              : "This page is empty.",
        }}
        actions={
          <>
            {canImport && (
              <Button size="small" variant="secondary" onClick={() => setImporting(true)} data-testid="import-open">
                <CloudArrowUp />
                Import CSV
              </Button>
            )}
            <Button size="small" variant="secondary" onClick={onExport} isLoading={exportCsv.isPending}>
              <ArrowDownTray />
              Export CSV
            </Button>
          </>
        }
      />
      <StockImportModal open={importing} onOpenChange={setImporting} locations={locations.locations} />
    </>
  )
}

export const config = defineRouteConfig({
  label: "Stock movements",
  nested: "/inventory",
  icon: ArrowUpDown,
})

/** The ledger for those who may read it. */
const StockMovementsRoute = () => (
  <AccessGate
    action="viewMovements"
    title="Stock movements"
    description="You don't have permission to view the stock ledger."
  >
    <StockMovementsPage />
  </AccessGate>
)

export default StockMovementsRoute
