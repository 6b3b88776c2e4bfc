import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Badge, createDataTableColumnHelper, useDataTable } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListDataTable } from "../../components/list-data-table"
import { useDataTableUrlState } from "../../hooks/data-table-url-state"
import { type DemandRow, useStockDemand } from "../../hooks/demand"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<DemandRow>()

const demandColumns = [
  columnHelper.accessor("variant_id", {
    header: "Variant",
    cell: ({ row: { original: row } }) => (
      <span data-variant-id={row.variant_id}>
        {row.product_id ? (
          <Link
            className="text-ui-fg-interactive"
            to={`/products/${row.product_id}/variants/${row.variant_id}`}
          >
            {row.product_title} · {row.variant_title}
          </Link>
        ) : (
          row.variant_id
        )}
      </span>
    ),
  }),
  columnHelper.accessor("sku", {
    header: "SKU",
    cell: ({ getValue }) => getValue() ?? "—",
  }),
  columnHelper.accessor("waiting_subscribers", {
    header: "Subscribers",
    align: "right",
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
  columnHelper.accessor("backordered_quantity", {
    header: "Backordered",
    align: "right",
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
  columnHelper.accessor("total", {
    header: "Total",
    align: "right",
    cell: ({ getValue }) => (
      <Badge size="2xsmall" color="orange">
        {getValue()}
      </Badge>
    ),
  }),
]

/**
 * What shoppers are waiting for: variants by back-in-stock subscribers
 * plus backordered units, the most wanted first, linked to their variant.
 * The route has one order (most wanted first), so the list is not sortable.
 */
const DemandPage = () => {
  const { listQuery, pageIndex, tableState } = useDataTableUrlState({ pageSize: PAGE_SIZE })
  const demand = useStockDemand(listQuery)
  const rows = demand.data?.demand ?? []
  const count = demand.data?.count ?? 0
  const instance = useDataTable({
    data: rows,
    columns: demandColumns,
    getRowId: (row) => row.variant_id,
    rowCount: count,
    isLoading: demand.isLoading,
    ...tableState,
  })

  return (
    <ListDataTable
      instance={instance}
      heading="Demand"
      description="Variants shoppers are waiting for: back-in-stock subscribers plus units on backorder."
      testId="demand-table"
      isFetching={demand.isFetching}
      error={demand.error}
      onRetry={() => void demand.refetch()}
      emptyState={
        count > 0 && pageIndex > 0
          ? { heading: "This page is empty", description: "Go back a page." }
          : { heading: "Nobody is waiting", description: "No back-in-stock subscribers and no backorders." }
      }
    />
  )
}

export const config = defineRouteConfig({
  label: "Demand",
  nested: "/inventory",
  icon: BellAlert,
})

const DemandRoute = () => (
  <AccessGate
    action="viewDemand"
    title="Demand"
    description="You don't have permission to view what shoppers are waiting for."
  >
    <DemandPage />
  </AccessGate>
)

export default DemandRoute
