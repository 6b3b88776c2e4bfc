import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingCart } from "@medusajs/icons"
import { Button, Container, Heading, Input, Select, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { AccessGate } from "../../components/access-gate"
import { ListPagination } from "../../components/list-pagination"
import { PurchaseOrderCreateDrawer } from "../../components/purchase-order-create-drawer"
import { PurchaseOrderStateBadge } from "../../components/purchase-order-state-badge"
import { SectionEmpty, SectionError, SectionLoading } from "../../components/section-states"
import {
  useCreatePurchaseOrder,
  usePurchaseOrders,
  useTransfersInTransit,
  useTransitTransferAction,
} from "../../hooks/purchase-orders"
import { usePermissions } from "../../hooks/permissions"
import { useStockLocations } from "../../hooks/stock-locations"
import { useUrlListState } from "../../hooks/url-list-state"
import { formatRelative, humanize } from "../../lib/format"
import { PURCHASE_ORDER_STATES, type PurchaseOrderState } from "../../lib/types"

const PAGE_SIZE = 20
const ALL = "all"

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

/** Purchase orders: what was ordered from suppliers, what arrived, what is still coming. */
const PurchaseOrdersPage = () => {
  const { read, pageIndex, update, goToPage } = useUrlListState()
  const navigate = useNavigate()
  const state = read("state")
  const locationId = read("location_id")
  const q = read("q")
  const [creating, setCreating] = useState(false)
  const [search, setSearch] = useState(q ?? "")
  // The URL's value as it is: the route refuses a state it does not know.
  const orders = usePurchaseOrders({ state: state as PurchaseOrderState | undefined, location_id: locationId, q, offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE })
  const locations = useStockLocations()
  const create = useCreatePurchaseOrder()
  const permissions = usePermissions()
  const rows = orders.data?.purchase_orders ?? []
  const count = orders.data?.count ?? 0
  const locationLabels = Object.fromEntries((locations.data ?? []).map((location) => [location.id, location.name])) as Record<string, string>

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading>Purchase orders</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Stock ordered from suppliers. What is outstanding counts as incoming and dates the backorders it will fill.
            </Text>
          </div>
          {permissions.can("createPurchaseOrder") && (
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create
            </Button>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2 px-6 py-4" data-testid="purchase-order-filters">
          <form
            onSubmit={(event) => {
              event.preventDefault()
              update({ q: search.trim() || undefined })
            }}
          >
            <Input size="small" type="search" placeholder="Number, supplier or reference" aria-label="Search purchase orders" value={search} onChange={(event) => setSearch(event.target.value)} />
          </form>
          <div className="w-[180px]">
            <Select size="small" value={state ?? ALL} onValueChange={(value) => update({ state: value === ALL ? undefined : value })}>
              <Select.Trigger aria-label="State">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All states</Select.Item>
                {PURCHASE_ORDER_STATES.map((value) => (
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
        {orders.isLoading ? (
          <SectionLoading rows={6} />
        ) : orders.error ? (
          <SectionError message={orders.error.message} onRetry={() => void orders.refetch()} />
        ) : !rows.length ? (
          <SectionEmpty
            title={state || locationId || q ? "No purchase order matches" : "No purchase orders yet"}
            description={state || locationId || q ? "Change the filters to see more." : "Create one to track stock on its way from a supplier."}
          />
        ) : (
          <div data-testid="purchase-orders-table" aria-busy={orders.isFetching}>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Number</Table.HeaderCell>
                  <Table.HeaderCell>Supplier</Table.HeaderCell>
                  <Table.HeaderCell>Location</Table.HeaderCell>
                  <Table.HeaderCell>State</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Outstanding</Table.HeaderCell>
                  <Table.HeaderCell>Expected</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((order) => (
                  <Table.Row key={order.id} data-purchase-order-id={order.id} className="cursor-pointer" onClick={() => navigate(`/purchase-orders/${order.id}`)}>
                    <Table.Cell>
                      <Link to={`/purchase-orders/${order.id}`} className="txt-compact-small-plus text-ui-fg-interactive">{order.number}</Link>
                    </Table.Cell>
                    <Table.Cell>{order.supplier}</Table.Cell>
                    <Table.Cell>{locationLabels[order.location_id] ?? order.location_id}</Table.Cell>
                    <Table.Cell><PurchaseOrderStateBadge state={order.state} /></Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {order.state === "ordered" || order.state === "partially_received" ? outstanding(order.items) : "—"}
                    </Table.Cell>
                    <Table.Cell>{order.expected_at ?? "—"}</Table.Cell>
                    <Table.Cell>{formatRelative(order.created_at)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <ListPagination count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={goToPage} />
          </div>
        )}
      </Container>
      {permissions.can("viewTransfers") && <TransfersInTransit locationLabels={locationLabels} />}
      <PurchaseOrderCreateDrawer
        open={creating}
        onOpenChange={setCreating}
        locations={locations.data ?? []}
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
