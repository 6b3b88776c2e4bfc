import { Alert, Button, Container, Heading, Table, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime, humanize } from "../lib/format"
import { INVENTORY_UNIT_STATES } from "../lib/types"
import type { InventoryUnit, InventoryUnitState } from "../lib/types"
import { SectionEmpty, SectionError, SectionLoading } from "./section-states"
import { UnitStateBadge } from "./unit-state-badge"

export type OrderInventoryLine = {
  lineItemId: string
  /** The product's title as ordered. */
  title: string
  /** Variant title and SKU, or the line's id when the order no longer has it. */
  subtitle: string
  units: InventoryUnit[]
}

export type OrderInventorySectionProps = {
  lines: OrderInventoryLine[]
  totals: Partial<Record<InventoryUnitState, number>>
  locationLabels: Record<string, string>
  allowBackorderShipping: boolean
  isLoading: boolean
  error: string | null
  onRetry: () => void
  /** Opens "Move to location" for a line; without it the action is not offered. */
  onMoveLine?: (lineItemId: string) => void
}


const sum = (units: InventoryUnit[]) => units.reduce((total, unit) => total + unit.quantity, 0)

/** What is backordered, on which lines, and what that means for fulfilling. */
const BackorderBanner = ({
  lines,
  allowBackorderShipping,
}: {
  lines: OrderInventoryLine[]
  allowBackorderShipping: boolean
}) => {
  const owed = lines
    .map((line) => {
      const waiting = line.units.filter((unit) => unit.state === "backordered") as (InventoryUnit & {
        expected_at?: string | null
        queue_position?: number | null
      })[]
      const dates = waiting.map((unit) => unit.expected_at ?? null)
      return {
        line,
        quantity: sum(waiting),
        // The line is complete when its last backordered unit arrives.
        expected: dates.length && dates.every(Boolean) ? dates.sort().at(-1)! : null,
        position: Math.min(...waiting.map((unit) => unit.queue_position ?? Infinity)),
      }
    })
    .filter((entry) => entry.quantity > 0)
  const total = owed.reduce((count, entry) => count + entry.quantity, 0)
  return (
    <div className="px-6 py-4">
      <Alert variant="warning" data-testid="stockroom-backorder-banner">
        <div className="flex flex-col gap-y-1">
          <Text size="small" leading="compact" weight="plus">
            {total} unit{total === 1 ? " is" : "s are"} backordered
          </Text>
          <ul className="list-inside list-disc">
            {owed.map(({ line, quantity, expected, position }) => (
              <li key={line.lineItemId}>
                <Text as="span" size="small" leading="compact">
                  {quantity} × {line.title} ({line.subtitle})
                </Text>
                <Text as="span" size="small" leading="compact" className="text-ui-fg-subtle" data-testid="backorder-eta">
                  {" — "}
                  {expected ? `expected ${expected}` : "no incoming date yet"}
                  {Number.isFinite(position) ? `, #${position} in the queue` : ""}
                </Text>
              </li>
            ))}
          </ul>
          <Text size="small" className="text-ui-fg-subtle">
            {allowBackorderShipping
              ? "This store allows shipping backordered units: a fulfillment can include them."
              : "A fulfillment that includes these units will be refused until stock arrives."}{" "}
            Backorders fill automatically as stock is received, oldest order first.
          </Text>
        </div>
      </Alert>
    </div>
  )
}

/** The Stockroom block on the order page: the order's inventory units by line. */
export const OrderInventorySection = ({
  lines,
  totals,
  locationLabels,
  allowBackorderShipping,
  isLoading,
  error,
  onRetry,
  onMoveLine,
}: OrderInventorySectionProps) => {
  const summary = INVENTORY_UNIT_STATES.filter((state) => totals[state])
    .map((state) => `${totals[state]} ${humanize(state).toLowerCase()}`)
    .join(" · ")
  return (
    <Container className="divide-y p-0" data-testid="stockroom-order-units">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Inventory units</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {summary || "What Stockroom holds, owes and has shipped for this order"}
          </Text>
        </div>
        {!!totals.backordered && (
          <Link
            to="/backorders"
            className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          >
            Backorder queue
          </Link>
        )}
      </div>
      {isLoading ? (
        <SectionLoading />
      ) : error ? (
        <SectionError message={error} onRetry={onRetry} />
      ) : !lines.length ? (
        <SectionEmpty
          title="No inventory units"
          description="Stockroom records units for orders placed while it is installed; this order has none."
        />
      ) : (
        <>
          {!!totals.backordered && (
            <BackorderBanner lines={lines} allowBackorderShipping={allowBackorderShipping} />
          )}
          {lines.map((line) => (
            <div key={line.lineItemId} data-line-item-id={line.lineItemId}>
              <div className="flex items-center justify-between px-6 py-3">
                <div className="min-w-0">
                  <Text size="small" leading="compact" weight="plus" className="truncate">
                    {line.title}
                  </Text>
                  <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
                    {line.subtitle}
                  </Text>
                </div>
                <div className="flex items-center gap-x-3">
                  <Text size="small" leading="compact" className="text-ui-fg-subtle text-nowrap">
                    {sum(line.units)} unit{sum(line.units) === 1 ? "" : "s"}
                  </Text>
                  {onMoveLine &&
                    line.units.some(
                      (unit) => unit.location_id && (unit.state === "on_hand" || unit.state === "backordered")
                    ) && (
                      <Button
                        size="small"
                        variant="secondary"
                        type="button"
                        onClick={() => onMoveLine(line.lineItemId)}
                      >
                        Move to location
                      </Button>
                    )}
                </div>
              </div>
              <div className="overflow-x-auto">
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>State</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
                      <Table.HeaderCell>Location</Table.HeaderCell>
                      <Table.HeaderCell>Fulfillment</Table.HeaderCell>
                      <Table.HeaderCell>Ordered</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {line.units.map((unit) => (
                      <Table.Row
                        key={unit.id}
                        data-unit-id={unit.id}
                        data-state={unit.state}
                      >
                        <Table.Cell>
                          <UnitStateBadge state={unit.state} />
                        </Table.Cell>
                        <Table.Cell className="text-right tabular-nums" data-column="quantity">
                          {unit.quantity}
                        </Table.Cell>
                        <Table.Cell>
                          <Text size="small" leading="compact" className="truncate">
                            {unit.location_id
                              ? locationLabels[unit.location_id] ?? unit.location_id
                              : "Not tracked"}
                          </Text>
                        </Table.Cell>
                        <Table.Cell>
                          {unit.fulfillment_id ? (
                            <Tooltip
                              content={
                                unit.shipped_at
                                  ? `Shipped ${formatDateTime(unit.shipped_at)}`
                                  : "Fulfillment"
                              }
                            >
                              <Text size="small" leading="compact" className="font-mono truncate">
                                {unit.fulfillment_id}
                              </Text>
                            </Tooltip>
                          ) : (
                            <Text size="small" leading="compact" className="text-ui-fg-muted">
                              —
                            </Text>
                          )}
                        </Table.Cell>
                        <Table.Cell>
                          <Text size="small" leading="compact" className="text-nowrap">
                            {formatDateTime(unit.ordered_at)}
                          </Text>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            </div>
          ))}
        </>
      )}
    </Container>
  )
}
