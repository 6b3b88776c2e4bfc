import { Button, Container, Heading, Switch, Label, Text } from "@medusajs/ui"
import type { StockItem } from "../lib/types"
import { SectionEmpty, SectionError, SectionLoading } from "./section-states"
import { StockItemsTable } from "./stock-items-table"

export type LocationStockSectionProps = {
  stockItems: StockItem[]
  count: number
  isLoading: boolean
  error: string | null
  itemLabels: Record<string, string>
  lowStockOnly: boolean
  onLowStockOnlyChange: (value: boolean) => void
  onRetry: () => void
  /** Absent when the transfers route is not there or the user may not transfer. */
  onTransfer?: () => void
  savingStockItemId: string | null
  /** Absent for a user who may not edit stock items: the switches are read-only. */
  onBackorderableChange?: (stockItem: StockItem, backorderable: boolean) => void
  onSafetyStockChange?: (stockItem: StockItem, safetyStock: number) => Promise<void>
}

/** The location page's stock items, low stock first-class. */
export const LocationStockSection = ({
  stockItems,
  count,
  isLoading,
  error,
  itemLabels,
  lowStockOnly,
  onLowStockOnlyChange,
  onRetry,
  onTransfer,
  savingStockItemId,
  onBackorderableChange,
  onSafetyStockChange,
}: LocationStockSectionProps) => {
  const lowCount = stockItems.filter((item) => item.low_stock).length
  return (
    <Container className="divide-y p-0" data-testid="stockroom-location-stock">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Stock items</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {lowStockOnly
              ? `${count} item(s) at or below their low-stock threshold`
              : `${count} item(s) stocked here${lowCount ? `, ${lowCount} low on this page` : ""}`}
          </Text>
        </div>
        <div className="flex items-center gap-x-4">
          <div className="flex items-center gap-x-2">
            <Switch
              id="stockroom-low-stock-only"
              size="small"
              checked={lowStockOnly}
              onCheckedChange={onLowStockOnlyChange}
            />
            <Label size="small" htmlFor="stockroom-low-stock-only">
              Low stock only
            </Label>
          </div>
          {onTransfer && (
            <Button size="small" variant="secondary" onClick={onTransfer} disabled={!stockItems.length}>
              Transfer stock
            </Button>
          )}
        </div>
      </div>
      {isLoading ? (
        <SectionLoading />
      ) : error ? (
        <SectionError message={error} onRetry={onRetry} />
      ) : !stockItems.length ? (
        <SectionEmpty
          title={lowStockOnly ? "Nothing is low on stock here" : "No stock items here yet"}
          description={
            lowStockOnly
              ? "Every item at this location is above its threshold."
              : "Stock items appear when inventory is added to this location."
          }
        />
      ) : (
        <StockItemsTable
          stockItems={stockItems}
          locationLabels={{}}
          itemLabels={itemLabels}
          showItem
          showLocation={false}
          savingId={savingStockItemId}
          onBackorderableChange={onBackorderableChange}
          onSafetyStockChange={onSafetyStockChange}
        />
      )}
    </Container>
  )
}
