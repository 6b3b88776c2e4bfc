import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, ArrowUpDown, CloudArrowUp } from "@medusajs/icons"
import { useState } from "react"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { AccessGate } from "../../components/access-gate"
import { LedgerFilters, type LedgerFilterValues } from "../../components/ledger-filters"
import { ListPagination } from "../../components/list-pagination"
import { MovementsTable } from "../../components/movements-table"
import { StockImportModal } from "../../components/stock-import-modal"
import {
  SectionEmpty,
  SectionError,
  SectionLoading,
} from "../../components/section-states"
import { useInventoryItemLabels, useUserLabels } from "../../hooks/labels"
import { usePermissions } from "../../hooks/permissions"
import { useStockLocations } from "../../hooks/stock-locations"
import { useUrlListState } from "../../hooks/url-list-state"
import {
  useExportStockMovements,
  useStockMovements,
} from "../../hooks/stock-movements"
import type { StockMovementFilters } from "../../lib/types"

const PAGE_SIZE = 20
const FILTER_KEYS = ["location_id", "kind", "originator_type", "reason_code", "from", "to"] as const
const ITEM_KEYS = ["inventory_item_id", "variant_id", "stock_item_id"] as const

/** The whole stock ledger, newest first; filters live in the URL. */
const StockMovementsPage = () => {
  const { read, pageIndex, update, goToPage } = useUrlListState()
  const values: LedgerFilterValues = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, read(key)])
  )
  const item = ITEM_KEYS.map((key) => [key, read(key)] as const).find(([, value]) => value)

  const filters: StockMovementFilters = {
    location_id: values.location_id,
    kind: values.kind as StockMovementFilters["kind"],
    originator_type: values.originator_type as StockMovementFilters["originator_type"],
    reason_code: values.reason_code as StockMovementFilters["reason_code"],
    ...(item ? { [item[0]]: item[1] } : {}),
    created_at:
      values.from || values.to
        ? {
            gte: values.from ? new Date(`${values.from}T00:00:00`).toISOString() : undefined,
            lte: values.to ? new Date(`${values.to}T23:59:59.999`).toISOString() : undefined,
          }
        : undefined,
  }
  const query = { ...filters, offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE }
  const movements = useStockMovements(query)
  const locations = useStockLocations()
  const rows = movements.data?.stock_movements ?? []
  const itemLabels = useInventoryItemLabels(rows.map((row) => row.inventory_item_id))
  const userLabels = useUserLabels(rows.map((row) => row.actor_id))
  const exportCsv = useExportStockMovements()
  const [importing, setImporting] = useState(false)
  const canImport = usePermissions().can("importStock")
  const count = movements.data?.count ?? 0
  const locationLabels = Object.fromEntries(
    (locations.data ?? []).map((location) => [location.id, location.name])
  ) as Record<string, string>

  const onExport = () =>
    exportCsv.mutate(filters, {
      onSuccess: ({ filename }) => toast.success("Export ready", { description: filename }),
      onError: (error) =>
        toast.error("Could not export the ledger", {
          description:
            (error as { status?: number }).status === 404
              ? "This server's Stockroom has no CSV export yet."
              : error.message,
        }),
    })

  const itemLabel = item
    ? item[0] === "inventory_item_id"
      ? itemLabels.data?.[item[1]!] ?? item[1]!
      : item[1]!
    : null

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Stock movements</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every change to stock, newest first. Rows are never edited; a correction is a new movement.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
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
        </div>
      </div>
      <StockImportModal open={importing} onOpenChange={setImporting} locations={locations.data ?? []} />
      <LedgerFilters
        values={values}
        locations={locations.data ?? []}
        itemFilter={
          item && itemLabel
            ? { label: itemLabel, onClear: () => update({ [item[0]]: undefined }) }
            : undefined
        }
        onChange={(patch) => update(patch)}
        onClear={() =>
          update(Object.fromEntries([...FILTER_KEYS, ...ITEM_KEYS].map((key) => [key, undefined])))
        }
      />
      {movements.isLoading ? (
        <SectionLoading rows={8} />
      ) : movements.error ? (
        <SectionError message={movements.error.message} onRetry={() => void movements.refetch()} />
      ) : !rows.length ? (
        <SectionEmpty
          title="No movements"
          description={
            count === 0 && pageIndex === 0
              ? "No stock movement matches these filters."
              : "This page is empty."
          }
        />
      ) : (
        <div data-testid="ledger-table" aria-busy={movements.isFetching}>
          <MovementsTable
            movements={rows}
            locationLabels={locationLabels}
            itemLabels={itemLabels.data ?? {}}
            userLabels={userLabels.data ?? {}}
            showItem
          />
          <ListPagination count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={goToPage} />
        </div>
      )}
    </Container>
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
