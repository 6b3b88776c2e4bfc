import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import type { StockroomOptions } from "../lib/types"
import { SectionError, SectionLoading } from "./section-states"

const DESCRIPTIONS: Record<keyof StockroomOptions, string> = {
  track_inventory_levels: "Track stock levels (off: stock is treated as infinite)",
  allow_backorders: "Carts and checkout may take more than is in stock",
  allow_backorder_shipping: "Backordered units may be fulfilled",
  show_zero_stock_products: "Products with no stock stay in the store's listing",
  restock_inventory: "New locations: received returns go back into stock",
  backorderable_default: "New locations: stock items accept backorders",
  propagate_all_variants: "New locations: stock every inventory item",
  expose_stock_counts: "Store routes show exact stock numbers",
  low_stock_threshold: "Default low-stock threshold",
  register_workflow_hooks: "Stockroom registers its Medusa workflow hooks",
  back_in_stock_template: "Template of the back-in-stock email",
  admin_alerts: "Stock alerts in the admin's notification feed",
  backorder_alert_days: "Days before a waiting backorder is alerted",
  checkout_hold_minutes: "Minutes a checkout hold keeps stock for a cart (empty: off)",
}

const Value = ({ value }: { value: unknown }) =>
  typeof value === "boolean" ? (
    <StatusBadge color={value ? "green" : "grey"}>{value ? "On" : "Off"}</StatusBadge>
  ) : (
    <Text size="small" leading="compact" className="tabular-nums">
      {value === null || value === undefined ? "Not set" : String(value)}
    </Text>
  )

export type StockroomOptionsCardProps = {
  options?: StockroomOptions
  version?: string
  isLoading: boolean
  error: string | null
  onRetry: () => void
}

/** The plugin's effective options: medusa-config values over the defaults. */
export const StockroomOptionsCard = ({
  options,
  version,
  isLoading,
  error,
  onRetry,
}: StockroomOptionsCardProps) => (
  <Container className="divide-y p-0" data-testid="stockroom-options">
    <div className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading>Stockroom</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Effective plugin options. Change them in medusa-config under the plugin's options.
        </Text>
      </div>
      {version && (
        <Text size="small" className="text-ui-fg-muted">
          v{version}
        </Text>
      )}
    </div>
    {isLoading ? (
      <SectionLoading rows={6} />
    ) : error || !options ? (
      <SectionError message={error ?? "No options"} onRetry={onRetry} />
    ) : (
      (Object.keys(DESCRIPTIONS) as (keyof StockroomOptions)[])
        .filter((key) => key in options)
        .map((key) => (
          <div
            key={key}
            className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4"
            data-option={key}
          >
            <div className="flex flex-col">
              <Text size="small" leading="compact" weight="plus">
                {DESCRIPTIONS[key]}
              </Text>
              <Text size="xsmall" leading="compact" className="text-ui-fg-muted font-mono">
                {key}
              </Text>
            </div>
            <div>
              <Value value={options[key]} />
            </div>
          </div>
        ))
    )}
  </Container>
)
