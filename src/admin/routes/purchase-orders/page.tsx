import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingCart } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  Table,
  createDataTableColumnHelper,
  toast,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListDataTable } from "../../components/list-data-table"
import { PurchaseOrderCreateDrawer } from "../../components/purchase-order-create-drawer"
import { PurchaseOrderStateBadge } from "../../components/purchase-order-state-badge"
import {
  type PurchaseOrderListQuery,
  useCreatePurchaseOrder,
  usePurchaseOrders,
  useTransfersInTransit,
  useTransitTransferAction,
} from "../../hooks/purchase-orders"
import { usePermissions } from "../../hooks/permissions"
import { useStateAndLocationFilters } from "../../hooks/state-location-filters"
import { singleValueUrlFilter, useDataTableUrlState } from "../../hooks/data-table-url-state"
import { formatRelative } from "../../lib/format"
import { PURCHASE_ORDER_STATES, type PurchaseOrder, type PurchaseOrderState } from "../../lib/types"

const PAGE_SIZE = 20
const URL_FILTERS = {
  state: singleValueUrlFilter("state"),
  location_id: singleValueUrlFilter("location_id"),
}

const outstanding = (items: { quantity: number; received_quantity?: number; rejected_quantity?: number }[] = []) =>
  items.reduce((sum, item) => sum + item.quantity - (item.received_quantity ?? 0) - (item.rejected_quantity ?? 0), 0)

/** Transfers on their way: receive them whole here, or cancel them back to the source. */
const TransfersInTransit = ({ locationLabels }: { locationLabels: Record<string, string> }) => {
  const transfers = useTransfersInTransit()
  const action = useTransitTransferAction()
  const prompt = usePrompt()
  const canSettle = usePermissions().can("settleTransfer")
  const rows = transfers.data ?? []
  if (!rows.length) {
    return null
  }
  const run = async (id: string, what: "receive" | "cancel") => {
    if (what === "cancel") {
      const confirmed = await prompt({
        title: "Cancel this transfer?",
        description: "Everything still on its way goes back into stock at the source.",
        confirmText: "Cancel transfer",
        cancelText: "Keep it",
      })
      if (!confirmed) {
        return
      }
    }
    action.mutate(
      { id, action: what },
      {
        onSuccess: () => toast.success(what === "receive" ? "Transfer received" : "Transfer canceled"),
        onError: (error) => toast.error("The transfer was not changed", { description: error.message }),
      }
    )
  }
  return (
    <Container className="divide-y p-0" data-testid="transfers-in-transit">
      <div className="px-6 py-4">
        <Heading level="h2">Transfers in transit</Heading>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Reference</Table.HeaderCell>
            <Table.HeaderCell>From → to</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Units</Table.HeaderCell>
            <Table.HeaderCell>Expected</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((transfer: any) => (
            <Table.Row key={transfer.id} data-transfer-id={transfer.id}>
              <Table.Cell>{transfer.reference ?? transfer.id}</Table.Cell>
              <Table.Cell>
                {locationLabels[transfer.source_location_id] ?? transfer.source_location_id} →{" "}
                {locationLabels[transfer.destination_location_id] ?? transfer.destination_location_id}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{outstanding(transfer.items)}</Table.Cell>
              <Table.Cell>{transfer.expected_at ?? "—"}</Table.Cell>
              <Table.Cell className="flex justify-end gap-x-2">
                {canSettle && (
                  <>
                    <Button size="small" variant="secondary" onClick={() => run(transfer.id, "receive")} isLoading={action.isPending}>
                      Receive
                    </Button>
                    <Button size="small" variant="transparent" onClick={() => run(transfer.id, "cancel")}>
                      Cancel
                    </Button>
                  </>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

const columnHelper = createDataTableColumnHelper<PurchaseOrder>()

const purchaseOrderColumns = (locationLabels: Record<string, string>) => [
  columnHelper.accessor("number", {
    header: "Number",
    enableSorting: true,
    cell: ({ row: { original: order } }) => (
      <Link
        to={`/purchase-orders/${order.id}`}
        className="txt-compact-small-plus text-ui-fg-interactive"
        data-purchase-order-id={order.id}
      >
        {order.number}
      </Link>
    ),
  }),
  columnHelper.accessor("supplier", { header: "Supplier", enableSorting: true }),
  columnHelper.accessor("location_id", {
    header: "Location",
    cell: ({ getValue }) => locationLabels[getValue()] ?? getValue(),
  }),
  columnHelper.accessor("state", {
    header: "State",
    enableSorting: true,
    cell: ({ getValue }) => <PurchaseOrderStateBadge state={getValue()} />,
  }),
  columnHelper.accessor("items", {
    id: "outstanding",
    header: "Outstanding",
    align: "right",
    cell: ({ row: { original: order } }) => (
      <span className="tabular-nums">
        {order.state === "ordered" || order.state === "partially_received" ? outstanding(order.items) : "—"}
      </span>
    ),
  }),
  columnHelper.accessor("expected_at", {
    header: "Expected",
    enableSorting: true,
    sortAscLabel: "Soonest first",
    sortDescLabel: "Latest first",
    cell: ({ getValue }) => getValue() ?? "—",
  }),
  columnHelper.accessor("created_at", {
    header: "Created",
    enableSorting: true,
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
    cell: ({ getValue }) => formatRelative(getValue()),
  }),
]

/** Purchase orders: what was ordered from suppliers, what arrived, what is still coming. */
const PurchaseOrdersPage = () => {
  const { read, listQuery, pageIndex, tableState } = useDataTableUrlState({
    pageSize: PAGE_SIZE,
    filters: URL_FILTERS,
    defaultOrder: "-created_at",
    searchKey: "q",
  })
  const navigate = useNavigate()
  const state = read("state")
  const locationId = read("location_id")
  const q = read("q")
  const [creating, setCreating] = useState(false)
  // The URL's value as it is: the route refuses a state it does not know.
  const query: PurchaseOrderListQuery = { state: state as PurchaseOrderState | undefined, location_id: locationId, q, ...listQuery }
  const orders = usePurchaseOrders(query)
  const { filters, labels: locationLabels, locations } = useStateAndLocationFilters(PURCHASE_ORDER_STATES)
  const create = useCreatePurchaseOrder()
  const permissions = usePermissions()
  const rows = orders.data?.purchase_orders ?? []
  const count = orders.data?.count ?? 0
  const columns = useMemo(() => purchaseOrderColumns(locationLabels), [locationLabels])
  const instance = useDataTable({
    data: rows,
    columns,
    filters,
    getRowId: (order) => order.id,
    rowCount: count,
    isLoading: orders.isLoading,
    onRowClick: (_event, row) => navigate(`/purchase-orders/${row.id}`),
    ...tableState,
  })
  const filtered = !!(state || locationId || q)

  return (
    <div className="flex flex-col gap-y-3">
      <ListDataTable
        instance={instance}
        heading="Purchase orders"
        description="Stock ordered from suppliers. What is outstanding counts as incoming and dates the backorders it will fill."
        searchPlaceholder="Number, supplier or reference"
        toolbarTestId="purchase-order-filters"
        testId="purchase-orders-table"
        isFetching={orders.isFetching}
        error={orders.error}
        onRetry={() => void orders.refetch()}
        emptyState={
          count > 0 && pageIndex > 0
            ? { heading: "This page is empty", description: "Go back a page." }
            : filtered
              ? { heading: "No purchase order matches", description: "Change the filters to see more." }
              : { heading: "No purchase orders yet", description: "Create one to track stock on its way from a supplier." }
        }
        actions={
          permissions.can("createPurchaseOrder") && (
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create
            </Button>
          )
        }
      />
      {permissions.can("viewTransfers") && <TransfersInTransit locationLabels={locationLabels} />}
      <PurchaseOrderCreateDrawer
        open={creating}
        onOpenChange={setCreating}
        locations={locations}
        isPending={create.isPending}
        serverError={create.error?.message}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: ({ purchase_order }) => {
              toast.success(`${purchase_order.number} created`)
              setCreating(false)
              navigate(`/purchase-orders/${purchase_order.id}`)
            },
          })
        }
      />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Purchase orders",
  nested: "/inventory",
  icon: ShoppingCart,
})

const PurchaseOrdersRoute = () => (
  <AccessGate
    action="viewPurchaseOrders"
    title="Purchase orders"
    description="You don't have permission to view purchase orders."
  >
    <PurchaseOrdersPage />
  </AccessGate>
)

export default PurchaseOrdersRoute
