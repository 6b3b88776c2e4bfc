import { StatusBadge, Switch, Table, Text, Tooltip, clx } from "@medusajs/ui"
import type { StockItem } from "../lib/types"
import { SafetyStockCell } from "./safety-stock-cell"

export type StockItemsTableProps = {
  stockItems: StockItem[]
  locationLabels: Record<string, string>
  /** Set when rows belong to several inventory items (a kit, a location). */
  itemLabels?: Record<string, string>
  showItem?: boolean
  showLocation?: boolean
  /** Id of the stock item whose backorderable switch is being saved. */
  savingId?: string | null
  onBackorderableChange?: (stockItem: StockItem, backorderable: boolean) => void
  /** Absent: safety stock is shown but not editable. */
  onSafetyStockChange?: (stockItem: StockItem, safetyStock: number) => Promise<void>
}

const Count = ({ value, className }: { value: number; className?: string }) => (
  <span className={clx("tabular-nums", className)}>{value}</span>
)

/**
 * Stock per location: Medusa's stocked quantity (on hand), what orders hold
 * (allocated), what can still be sold (count on hand), what carts at
 * checkout hold of it (held) and what is owed.
 */
export const StockItemsTable = ({
  stockItems,
  locationLabels,
  itemLabels = {},
  showItem = false,
  showLocation = true,
  savingId,
  onBackorderableChange,
  onSafetyStockChange,
}: StockItemsTableProps) => (
  <div className="overflow-x-auto">
    <Table>
      <Table.Header>
        <Table.Row>
          {showItem && <Table.HeaderCell>Item</Table.HeaderCell>}
          {showLocation && <Table.HeaderCell>Location</Table.HeaderCell>}
          <Table.HeaderCell className="text-right">On hand</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Allocated</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Count on hand</Table.HeaderCell>
          <Table.HeaderCell className="text-right">
            <Tooltip content="Kept for carts whose customers are checking out, until each hold expires">
              <span>Held</span>
            </Tooltip>
          </Table.HeaderCell>
          <Table.HeaderCell className="text-right">Backordered</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Incoming</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Safety stock</Table.HeaderCell>
          <Table.HeaderCell>Backorderable</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {stockItems.map((stockItem) => {
          const locationName =
            locationLabels[stockItem.location_id] ?? stockItem.location_id
          const itemName =
            itemLabels[stockItem.inventory_item_id] ?? stockItem.inventory_item_id
          return (
            <Table.Row
              key={stockItem.id}
              data-stock-item-id={stockItem.id}
              data-low-stock={stockItem.low_stock ? "true" : undefined}
            >
              {showItem && (
                <Table.Cell>
                  <Text size="small" leading="compact" className="truncate">
                    {itemName}
                  </Text>
                </Table.Cell>
              )}
              {showLocation && (
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    <Text size="small" leading="compact" className="truncate">
                      {locationName}
                    </Text>
                  </div>
                </Table.Cell>
              )}
              <Table.Cell className="text-right" data-column="on_hand">
                <Count value={stockItem.on_hand} />
              </Table.Cell>
              <Table.Cell className="text-right" data-column="allocated">
                <Count value={stockItem.allocated} />
              </Table.Cell>
              <Table.Cell className="text-right" data-column="count_on_hand">
                <div className="flex items-center justify-end gap-x-2">
                  {stockItem.count_on_hand <= 0 ? (
                    <StatusBadge color="red">Out of stock</StatusBadge>
                  ) : stockItem.low_stock ? (
                    <Tooltip
                      content={`At or below the low-stock threshold of ${stockItem.effective_low_stock_threshold}`}
                    >
                      <StatusBadge color="orange">Low stock</StatusBadge>
                    </Tooltip>
                  ) : null}
                  <Count
                    value={stockItem.count_on_hand}
                    className={clx(stockItem.count_on_hand < 0 && "text-ui-fg-error")}
                  />
                </div>
              </Table.Cell>
              <Table.Cell className="text-right" data-column="held">
                <Count
                  value={stockItem.held ?? 0}
                  className={clx(!stockItem.held && "text-ui-fg-muted")}
                />
              </Table.Cell>
              <Table.Cell className="text-right" data-column="backordered">
                <Count value={stockItem.backordered_quantity} />
              </Table.Cell>
              <Table.Cell className="text-right" data-column="incoming">
                <div className="flex flex-col items-end">
                  <Count value={stockItem.incoming ?? 0} />
                  {stockItem.next_expected_at && (
                    <span className="txt-compact-xsmall text-ui-fg-muted text-nowrap">
                      next {stockItem.next_expected_at}
                    </span>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="text-right" data-column="safety_stock">
                <SafetyStockCell
                  stockItem={stockItem}
                  label={showItem && showLocation ? `${itemName} at ${locationName}` : showItem ? itemName : locationName}
                  onSave={onSafetyStockChange}
                />
              </Table.Cell>
              <Table.Cell>
                <Switch
                  size="small"
                  aria-label={`Backorderable at ${locationName}`}
                  checked={stockItem.backorderable}
                  disabled={!onBackorderableChange || savingId === stockItem.id}
                  onCheckedChange={(checked) =>
                    onBackorderableChange?.(stockItem, checked)
                  }
                />
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  </div>
)
