import { Button, Container, Heading, StatusBadge, Text, Tooltip } from "@medusajs/ui"
import { humanize, RETURN_AUTHORIZATION_STATE_COLORS } from "../lib/format"
import type { ReturnAuthorizationState } from "../lib/types"
import { SectionEmpty, SectionError, SectionLoading } from "./section-states"

/** One authorization as the order page shows it, already labelled. */
export type ReturnAuthorizationRow = {
  id: string
  number: string
  state: ReturnAuthorizationState
  /** The credit, formatted in the order's currency. */
  amount: string
  /** What Medusa valued the items at, once received, when it differs from the credit. */
  itemsValue: string | null
  reason: string
  memo: string | null
  /** "2 × Hoodie", "1 × Tote bag · not resellable" */
  items: string[]
  location: string
  /** When it was authorized, received or canceled, for its state. */
  when: string
}

export type ReturnAuthorizationsSectionProps = {
  rows: ReturnAuthorizationRow[]
  /** Shipped units not yet authorized for return: nothing to create from when 0. */
  returnableUnits: number
  isLoading: boolean
  error: string | null
  onRetry: () => void
  /** Each action is absent for a user who may not take it: no button then. */
  onCreate?: () => void
  onReceive?: (id: string) => void
  onCancel?: (id: string) => void
  /** The authorization a receive or cancel is running for. */
  busyId: string | null
}

export const ReturnAuthorizationStateBadge = ({ state }: { state: ReturnAuthorizationState }) => (
  <StatusBadge color={RETURN_AUTHORIZATION_STATE_COLORS[state] ?? "grey"} className="text-nowrap">
    {humanize(state)}
  </StatusBadge>
)

/**
 * The order page's return authorizations: each with its number, state,
 * credit, reason and items; receive or cancel the ones still authorized,
 * and create one from the shipped units.
 */
export const ReturnAuthorizationsSection = ({
  rows,
  returnableUnits,
  isLoading,
  error,
  onRetry,
  onCreate,
  onReceive,
  onCancel,
  busyId,
}: ReturnAuthorizationsSectionProps) => {
  const createButton = (
    <Button size="small" variant="secondary" onClick={onCreate} disabled={returnableUnits <= 0}>
      Create
    </Button>
  )
  return (
    <Container className="divide-y p-0" data-testid="stockroom-return-authorizations">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Return authorizations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {returnableUnits > 0
              ? `${returnableUnits} shipped unit${returnableUnits === 1 ? "" : "s"} can be authorized for return`
              : "Goods the store agreed to take back, and the credit for them"}
          </Text>
        </div>
        {!onCreate ? null : returnableUnits > 0 ? (
          createButton
        ) : (
          <Tooltip content="Only shipped units not already authorized can be returned">
            <span>{createButton}</span>
          </Tooltip>
        )}
      </div>
      {isLoading ? (
        <SectionLoading rows={2} />
      ) : error ? (
        <SectionError message={error} onRetry={onRetry} />
      ) : !rows.length ? (
        <SectionEmpty
          title="No return authorizations"
          description={
            returnableUnits > 0
              ? "When the customer sends goods back, authorize their return here; receiving it restocks them and credits the order."
              : "Once units of this order have shipped, their return can be authorized here."
          }
        />
      ) : (
        rows.map((row) => (
          <div
            key={row.id}
            className="flex items-start justify-between gap-x-6 px-6 py-4"
            data-return-authorization-id={row.id}
            data-state={row.state}
          >
            <div className="flex min-w-0 flex-col gap-y-1">
              <div className="flex items-center gap-x-2">
                <Text size="small" leading="compact" weight="plus">
                  {row.number}
                </Text>
                <ReturnAuthorizationStateBadge state={row.state} />
              </div>
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {row.when} · back to {row.location}
              </Text>
              <div className="flex flex-col">
                {row.items.map((item) => (
                  <Text key={item} size="small" leading="compact">
                    {item}
                  </Text>
                ))}
              </div>
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                <span className="text-ui-fg-base">{row.reason}</span>
                {row.memo ? ` — ${row.memo}` : ""}
              </Text>
            </div>
            <div className="flex shrink-0 flex-col items-end gap-y-2">
              <div className="flex flex-col items-end" data-column="amount">
                <Text size="small" leading="compact" weight="plus" className="tabular-nums">
                  {row.amount}
                </Text>
                {row.itemsValue && (
                  <Tooltip content="What Medusa valued the returned items at; the difference is a credit line on the order">
                    <Text size="small" leading="compact" className="text-ui-fg-subtle tabular-nums">
                      items {row.itemsValue}
                    </Text>
                  </Tooltip>
                )}
              </div>
              {row.state === "authorized" && (onCancel || onReceive) && (
                <div className="flex gap-x-2">
                  {onCancel && (
                    <Button
                      size="small"
                      variant="secondary"
                      onClick={() => onCancel(row.id)}
                      disabled={busyId !== null}
                    >
                      Cancel
                    </Button>
                  )}
                  {onReceive && (
                    <Button
                      size="small"
                      onClick={() => onReceive(row.id)}
                      isLoading={busyId === row.id}
                      disabled={busyId !== null && busyId !== row.id}
                    >
                      Receive
                    </Button>
                  )}
                </div>
              )}
            </div>
          </div>
        ))
      )}
    </Container>
  )
}
