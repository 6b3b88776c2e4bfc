import { Badge, Table, Text } from "@medusajs/ui"
import { formatDateTime, signed } from "../lib/format"
import type { StockCountItem } from "../lib/types"

export type StockCountDifferencesProps = {
  items: StockCountItem[]
  itemLabels: Record<string, string>
}

/**
 * The review before applying: each counted item against the stock on hand
 * when it was counted, and the difference applying will book.
 */
export const StockCountDifferences = ({ items, itemLabels }: StockCountDifferencesProps) => {
  const counted = items.filter((item) => item.counted !== null && item.counted !== undefined)
  if (!counted.length) {
    return (
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-muted">
          Nothing counted yet. Differences show here as soon as an item is counted.
        </Text>
      </div>
    )
  }
  return (
    <div data-testid="stock-count-differences">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>SKU</Table.HeaderCell>
            <Table.HeaderCell>Item</Table.HeaderCell>
            <Table.HeaderCell>Counted at</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Expected then</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Counted</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Difference</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {counted.map((item) => {
            const difference = item.difference ?? 0
            return (
              <Table.Row key={item.id} data-inventory-item-id={item.inventory_item_id}>
                <Table.Cell className="font-mono">{item.sku ?? "—"}</Table.Cell>
                <Table.Cell className="max-w-[240px] truncate">
                  {itemLabels[item.inventory_item_id] ?? item.inventory_item_id}
                </Table.Cell>
                <Table.Cell>{item.counted_at ? formatDateTime(item.counted_at) : "—"}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-column="expected-at-count">
                  {item.expected_at_count ?? "—"}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-column="counted">
                  {item.counted}
                </Table.Cell>
                <Table.Cell className="text-right" data-column="difference">
                  {difference === 0 ? (
                    <Text size="small" className="text-ui-fg-muted tabular-nums">0</Text>
                  ) : (
                    <Badge size="2xsmall" color={difference > 0 ? "green" : "red"} className="tabular-nums">
                      {signed(difference)}
                    </Badge>
                  )}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
    </div>
  )
}
