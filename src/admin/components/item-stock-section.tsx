import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { StockItem, StockMovement } from "../lib/types"
import { MovementsTable } from "./movements-table"
import { SectionEmpty, SectionError, SectionLoading, SectionNoAccess } from "./section-states"
import { StockItemsTable } from "./stock-items-table"

type Loadable<T> = { data?: T; isLoading: boolean; error: string | null; retry: () => void }

export type ItemStockSectionProps = {
  stockItems: Loadable<StockItem[]>
  movements: Loadable<StockMovement[]> & { count: number }
  locationLabels: Record<string, string>
  itemLabels: Record<string, string>
  userLabels: Record<string, string>
  /** Where "View all" goes: the ledger page filtered to this item. */
  ledgerHref: string
  savingStockItemId: string | null
  /** Absent for a user who may not move stock: no button then. */
  onMoveStock?: () => void
  /** Absent for a user who may not edit stock items: the switches are read-only. */
  onBackorderableChange?: (stockItem: StockItem, backorderable: boolean) => void
  /** The permissions reading the ledger needs, for a user who lacks them. */
  movementsDenied?: string[]
  onSafetyStockChange?: (stockItem: StockItem, safetyStock: number) => Promise<void>
}

/** The Stockroom block on the variant and inventory item pages. */
export const ItemStockSection = ({
  stockItems,
  movements,
  locationLabels,
  itemLabels,
  userLabels,
  ledgerHref,
  savingStockItemId,
  onMoveStock,
  onBackorderableChange,
  onSafetyStockChange,
  movementsDenied,
}: ItemStockSectionProps) => {
  const rows = stockItems.data ?? []
  const severalItems = new Set(rows.map((row) => row.inventory_item_id)).size > 1
  const recent = movements.data ?? []
  return (
    <div className="flex flex-col gap-y-3" data-testid="stockroom-item-stock">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h2">Stock by location</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Stockroom ledger balances per stock location
            </Text>
          </div>
          {onMoveStock && (
            <Button
              size="small"
              variant="secondary"
              onClick={onMoveStock}
              disabled={!rows.length}
            >
              Move stock
            </Button>
          )}
        </div>
        {stockItems.isLoading ? (
          <SectionLoading />
        ) : stockItems.error ? (
          <SectionError message={stockItems.error} onRetry={stockItems.retry} />
        ) : !rows.length ? (
          <SectionEmpty
            title="Not stocked anywhere yet"
            description="Add this item to a stock location (Inventory → Manage locations) to track its stock."
          />
        ) : (
          <StockItemsTable
            stockItems={rows}
            locationLabels={locationLabels}
            itemLabels={itemLabels}
            showItem={severalItems}
            savingId={savingStockItemId}
            onBackorderableChange={onBackorderableChange}
            onSafetyStockChange={onSafetyStockChange}
          />
        )}
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h2">Latest stock movements</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {movements.count > recent.length
                ? `${recent.length} of ${movements.count} movements`
                : "Every change to this item's stock, newest first"}
            </Text>
          </div>
          {!movementsDenied && (
            <Button size="small" variant="transparent" asChild>
              <Link to={ledgerHref}>
                View all
                <ArrowUpRightOnBox />
              </Link>
            </Button>
          )}
        </div>
        {movementsDenied ? (
          <SectionNoAccess
            description="You don't have permission to view the stock ledger."
            permissions={movementsDenied}
          />
        ) : movements.isLoading ? (
          <SectionLoading />
        ) : movements.error ? (
          <SectionError message={movements.error} onRetry={movements.retry} />
        ) : !recent.length ? (
          <SectionEmpty
            title="No movements yet"
            description="Stock received, sold, shipped or corrected shows up here."
          />
        ) : (
          <MovementsTable
            movements={recent}
            locationLabels={locationLabels}
            itemLabels={itemLabels}
            userLabels={userLabels}
            showItem={severalItems}
            compact
          />
        )}
      </Container>
    </div>
  )
}
