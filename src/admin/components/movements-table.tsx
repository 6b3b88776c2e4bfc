import { Table, Text, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime, formatRelative, humanize } from "../lib/format"
import type { StockMovement } from "../lib/types"
import { MovementKindBadge } from "./movement-kind-badge"
import { SignedQuantity } from "./quantity"

export type MovementsTableProps = {
  movements: StockMovement[]
  locationLabels: Record<string, string>
  itemLabels?: Record<string, string>
  userLabels?: Record<string, string>
  showItem?: boolean
  showLocation?: boolean
  /** Narrow places (widgets): both balances in one column, shorter cells. */
  compact?: boolean
}

/** Who or what caused a movement: the admin user, else its originator. */
export const movementSource = (
  movement: StockMovement,
  userLabels: Record<string, string> = {}
) => {
  if (movement.actor_id && (!movement.originator_type || movement.originator_type === "user")) {
    return userLabels[movement.actor_id] ?? movement.actor_id
  }
  if (movement.originator_type) {
    const kind = humanize(movement.originator_type)
    return movement.originator_id ? `${kind} ${movement.originator_id}` : kind
  }
  return "—"
}

/** The source, with the reason and note under it (in a tooltip when compact). */
export const MovementSource = ({
  source,
  detail,
  compact,
}: {
  source: string
  detail: string
  compact: boolean
}) => {
  const label = (
    <Text size="small" leading="compact" className="max-w-[220px] truncate">
      {source}
    </Text>
  )
  if (!detail) {
    return label
  }
  if (compact) {
    return <Tooltip content={detail}>{label}</Tooltip>
  }
  return (
    <div className="flex flex-col">
      {label}
      <Text
        size="xsmall"
        leading="compact"
        className="text-ui-fg-muted max-w-[220px] truncate"
        title={detail}
      >
        {detail}
      </Text>
    </div>
  )
}

/** Ledger rows, newest first, with the balances after each one. */
export const MovementsTable = ({
  movements,
  locationLabels,
  itemLabels = {},
  userLabels = {},
  showItem = false,
  showLocation = true,
  compact = false,
}: MovementsTableProps) => (
  <div className="overflow-x-auto">
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Kind</Table.HeaderCell>
          {showItem && <Table.HeaderCell>Item</Table.HeaderCell>}
          {showLocation && <Table.HeaderCell>Location</Table.HeaderCell>}
          <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
          {compact ? (
            <Table.HeaderCell className="text-nowrap">After</Table.HeaderCell>
          ) : (
            <>
              <Table.HeaderCell className="text-right">On hand after</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Count on hand after</Table.HeaderCell>
            </>
          )}
          <Table.HeaderCell>By</Table.HeaderCell>
          <Table.HeaderCell>When</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {movements.map((movement) => (
          <Table.Row key={movement.id} data-movement-id={movement.id}>
            <Table.Cell>
              <MovementKindBadge kind={movement.kind} />
            </Table.Cell>
            {showItem && (
              <Table.Cell>
                <Link
                  to={`/inventory/${movement.inventory_item_id}`}
                  className="txt-compact-small text-ui-fg-base hover:text-ui-fg-interactive block max-w-[220px] truncate"
                >
                  {itemLabels[movement.inventory_item_id] ?? movement.inventory_item_id}
                </Link>
              </Table.Cell>
            )}
            {showLocation && (
              <Table.Cell>
                <Text size="small" leading="compact" className="truncate">
                  {locationLabels[movement.location_id] ?? movement.location_id}
                </Text>
              </Table.Cell>
            )}
            <Table.Cell className="text-right" data-column="quantity">
              <SignedQuantity quantity={movement.quantity} />
            </Table.Cell>
            {compact ? (
              <Table.Cell>
                <Tooltip content="On hand · count on hand, after this movement">
                  <Text size="small" leading="compact" className="text-nowrap tabular-nums">
                    {movement.stocked_after} · {movement.count_on_hand_after}
                  </Text>
                </Tooltip>
              </Table.Cell>
            ) : (
              <>
                <Table.Cell className="text-right tabular-nums">
                  {movement.stocked_after}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {movement.count_on_hand_after}
                </Table.Cell>
              </>
            )}
            <Table.Cell>
              <MovementSource
                source={movementSource(movement, userLabels)}
                detail={[movement.reason, movement.note].filter(Boolean).join(" — ")}
                compact={compact}
              />
            </Table.Cell>
            <Table.Cell>
              <Tooltip content={formatDateTime(movement.created_at)}>
                <Text size="small" leading="compact" className="text-nowrap">
                  {formatRelative(movement.created_at)}
                </Text>
              </Tooltip>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  </div>
)
