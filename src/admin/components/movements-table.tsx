import { Table, Text, Tooltip } from "@medusajs/ui"
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

/** Ledger rows, newest first, with the balances after each one. */
export const MovementsTable = ({
  movements,
  locationLabels,
  itemLabels = {},
  userLabels = {},
  showItem = false,
  showLocation = true,
}: MovementsTableProps) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Kind</Table.HeaderCell>
        {showItem && <Table.HeaderCell>Item</Table.HeaderCell>}
        {showLocation && <Table.HeaderCell>Location</Table.HeaderCell>}
        <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
        <Table.HeaderCell className="text-right">On hand after</Table.HeaderCell>
        <Table.HeaderCell className="text-right">Count on hand after</Table.HeaderCell>
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
              <Text size="small" leading="compact" className="max-w-[200px] truncate">
                {itemLabels[movement.inventory_item_id] ?? movement.inventory_item_id}
              </Text>
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
          <Table.Cell className="text-right tabular-nums">
            {movement.stocked_after}
          </Table.Cell>
          <Table.Cell className="text-right tabular-nums">
            {movement.count_on_hand_after}
          </Table.Cell>
          <Table.Cell>
            <div className="flex flex-col">
              <Text size="small" leading="compact" className="max-w-[220px] truncate">
                {movementSource(movement, userLabels)}
              </Text>
              {(movement.reason || movement.note) && (
                <Text
                  size="xsmall"
                  leading="compact"
                  className="text-ui-fg-muted max-w-[220px] truncate"
                  title={[movement.reason, movement.note].filter(Boolean).join(" — ")}
                >
                  {[movement.reason, movement.note].filter(Boolean).join(" — ")}
                </Text>
              )}
            </div>
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
)
