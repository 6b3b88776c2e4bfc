import { Table, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime, formatRelative } from "../lib/format"
import type { Backorder } from "../lib/types"

export type BackordersTableProps = {
  backorders: Backorder[]
  locationLabels: Record<string, string>
}

/** The backorder queue, oldest first: the order Stockroom fills it in. */
export const BackordersTable = ({ backorders, locationLabels }: BackordersTableProps) => (
  <div className="overflow-x-auto">
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Ordered</Table.HeaderCell>
          <Table.HeaderCell>Order</Table.HeaderCell>
          <Table.HeaderCell>Customer</Table.HeaderCell>
          <Table.HeaderCell>Product / variant</Table.HeaderCell>
          <Table.HeaderCell>Location</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Queue</Table.HeaderCell>
          <Table.HeaderCell>Expected</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {backorders.map((backorder) => {
          const product = backorder.variant?.product?.title
          const variant = [backorder.variant?.title, backorder.variant?.sku && `(${backorder.variant.sku})`]
            .filter(Boolean)
            .join(" ")
          return (
            <Table.Row
              key={backorder.id}
              data-unit-id={backorder.id}
              data-order-id={backorder.order_id}
            >
              <Table.Cell>
                <Tooltip content={formatDateTime(backorder.ordered_at)}>
                  <Text size="small" leading="compact" className="text-nowrap">
                    {formatRelative(backorder.ordered_at)}
                  </Text>
                </Tooltip>
              </Table.Cell>
              <Table.Cell>
                <Link
                  to={`/orders/${backorder.order_id}`}
                  className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover text-nowrap"
                >
                  {backorder.order ? `#${backorder.order.display_id}` : backorder.order_id}
                </Link>
              </Table.Cell>
              <Table.Cell>
                <Text size="small" leading="compact" className="max-w-[280px] truncate">
                  {backorder.order?.email ?? "—"}
                </Text>
              </Table.Cell>
              <Table.Cell>
                <div className="flex max-w-[280px] flex-col">
                  {backorder.variant?.product ? (
                    <Link
                      to={`/products/${backorder.variant.product.id}/variants/${backorder.variant.id}`}
                      className="txt-compact-small text-ui-fg-base hover:text-ui-fg-interactive truncate"
                    >
                      {product}
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
              </Table.Cell>
              <Table.Cell>
                <Text size="small" leading="compact" className="truncate">
                  {backorder.location_id
                    ? locationLabels[backorder.location_id] ?? backorder.location_id
                    : "—"}
                </Text>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-column="quantity">
                {backorder.quantity}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums" data-column="queue-position">
                {backorder.queue_position != null ? `#${backorder.queue_position}` : "—"}
              </Table.Cell>
              <Table.Cell data-column="expected-at">
                <Text size="small" leading="compact" className="text-nowrap">
                  {backorder.expected_at ?? "No date yet"}
                </Text>
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  </div>
)
