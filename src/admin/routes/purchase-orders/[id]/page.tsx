import { Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import { AccessGate } from "../../../components/access-gate"
import { MovementsTable } from "../../../components/movements-table"
import { PurchaseOrderReceiveDrawer } from "../../../components/purchase-order-receive-drawer"
import { PurchaseOrderStateBadge } from "../../../components/purchase-order-state-badge"
import { SectionError, SectionLoading } from "../../../components/section-states"
import { useInventoryItemLabels, useUserLabels } from "../../../hooks/labels"
import { usePermissions } from "../../../hooks/permissions"
import { usePurchaseOrder, usePurchaseOrderAction } from "../../../hooks/purchase-orders"
import { useStockLocations } from "../../../hooks/stock-locations"
import { formatDateTime } from "../../../lib/format"

/** One purchase order: its items against what arrived, its receipts and the stock they booked. */
const PurchaseOrderPage = () => {
  const { id } = useParams()
  const order = usePurchaseOrder(id!)
  const action = usePurchaseOrderAction(id!)
  const prompt = usePrompt()
  const [receiving, setReceiving] = useState(false)
  const purchaseOrder = order.data?.purchase_order
  const itemLabels = useInventoryItemLabels((purchaseOrder?.items ?? []).map((item) => item.inventory_item_id))
  const userLabels = useUserLabels((purchaseOrder?.receipts ?? []).map((receipt) => receipt.received_by))
  const locations = useStockLocations()
  const permissions = usePermissions()
  if (order.isLoading) {
    return <Container><SectionLoading rows={6} /></Container>
  }
  if (order.error || !purchaseOrder) {
    return <Container><SectionError message={order.error?.message ?? "Not found"} onRetry={() => void order.refetch()} /></Container>
  }
  const open = purchaseOrder.state === "ordered" || purchaseOrder.state === "partially_received"
  const labels = itemLabels.data ?? {}
  const locationName = (locations.data ?? []).find((location) => location.id === purchaseOrder.location_id)?.name

  const cancel = async () => {
    const confirmed = await prompt({
      title: `Cancel ${purchaseOrder.number}?`,
      description: "What was received stays in stock; nothing more is expected from this order.",
      confirmText: "Cancel order",
      cancelText: "Keep it",
    })
    if (confirmed) {
      action.mutate(
        { action: "cancel" },
        {
          onSuccess: () => toast.success(`${purchaseOrder.number} canceled`),
          onError: (error) => toast.error("Not canceled", { description: error.message }),
        }
      )
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Heading>{purchaseOrder.number}</Heading>
            <PurchaseOrderStateBadge state={purchaseOrder.state} />
          </div>
          <div className="flex gap-x-2">
            {purchaseOrder.state === "draft" && permissions.can("orderPurchaseOrder") && (
              <Button size="small" variant="secondary" isLoading={action.isPending} onClick={() =>
                action.mutate({ action: "order" }, {
                  onSuccess: () => toast.success(`${purchaseOrder.number} ordered`),
                  onError: (error) => toast.error("Not ordered", { description: error.message }),
                })
              }>Mark ordered</Button>
            )}
            {open && permissions.can("receivePurchaseOrder") && <Button size="small" onClick={() => setReceiving(true)}>Receive</Button>}
            {purchaseOrder.state !== "received" && purchaseOrder.state !== "canceled" && permissions.can("cancelPurchaseOrder") && (
              <Button size="small" variant="danger" onClick={cancel}>Cancel order</Button>
            )}
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
          {[
            ["Supplier", purchaseOrder.supplier],
            ["Deliver to", locationName ?? purchaseOrder.location_id],
            ["Expected", purchaseOrder.expected_at ?? "—"],
            ["Reference", purchaseOrder.reference ?? "—"],
          ].map(([label, value]) => (
            <div key={label}>
              <Text size="xsmall" className="text-ui-fg-muted">{label}</Text>
              <Text size="small" leading="compact">{value}</Text>
            </div>
          ))}
        </div>
        <Table data-testid="purchase-order-items">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Item</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Ordered</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Received</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Rejected</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Outstanding</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Unit cost</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(purchaseOrder.items ?? []).map((item) => (
              <Table.Row key={item.id} data-inventory-item-id={item.inventory_item_id}>
                <Table.Cell>{labels[item.inventory_item_id] ?? item.inventory_item_id}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{item.quantity}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-column="received">{item.received_quantity}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{item.rejected_quantity}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-column="outstanding">
                  {open ? item.quantity - item.received_quantity - item.rejected_quantity : 0}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">{item.unit_cost ?? "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0" data-testid="purchase-order-receipts">
        <div className="px-6 py-4"><Heading level="h2">Receipts</Heading></div>
        {!(purchaseOrder.receipts ?? []).length ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">Nothing received yet.</Text>
        ) : (
          (purchaseOrder.receipts ?? []).map((receipt) => (
            <div key={receipt.id} className="px-6 py-3">
              <Text size="small" weight="plus">
                {formatDateTime(receipt.created_at)}
                {receipt.received_by ? ` · ${userLabels.data?.[receipt.received_by] ?? receipt.received_by}` : ""}
                {receipt.complete ? " · completed the order" : ""}
              </Text>
              {(receipt.lines ?? []).map((line) => (
                <Text key={line.id} size="small" className="text-ui-fg-subtle">
                  {labels[line.inventory_item_id] ?? line.inventory_item_id}: {line.accepted} accepted
                  {line.rejected ? `, ${line.rejected} rejected${line.rejection_reason ? ` (${line.rejection_reason})` : ""}` : ""}
                </Text>
              ))}
              {receipt.note && <Text size="small" className="text-ui-fg-muted">{receipt.note}</Text>}
            </div>
          ))
        )}
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4"><Heading level="h2">Movements</Heading></div>
        <MovementsTable showItem movements={(purchaseOrder.movements ?? []) as any} itemLabels={labels} locationLabels={locationName ? { [purchaseOrder.location_id]: locationName } : {}} userLabels={userLabels.data ?? {}} />
      </Container>
      <PurchaseOrderReceiveDrawer
        open={receiving}
        onOpenChange={setReceiving}
        purchaseOrder={purchaseOrder}
        itemLabels={labels}
        isPending={action.isPending}
        serverError={action.error?.message}
        onSubmit={(body) =>
          action.mutate(
            { action: "receive", body },
            {
              onSuccess: ({ purchase_order }) => {
                toast.success(purchase_order.state === "received" ? `${purchase_order.number} fully received` : "Receipt booked")
                setReceiving(false)
              },
            }
          )
        }
      />
    </div>
  )
}

const PurchaseOrderRoute = () => (
  <AccessGate
    action="viewPurchaseOrders"
    title="Purchase order"
    description="You don't have permission to view purchase orders."
  >
    <PurchaseOrderPage />
  </AccessGate>
)

export default PurchaseOrderRoute
