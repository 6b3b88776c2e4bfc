import {
  Alert,
  Button,
  Drawer,
  Hint,
  Input,
  Label,
  Select,
  Switch,
  Text,
  Textarea,
} from "@medusajs/ui"
import { useEffect, useMemo, useState, type FormEvent } from "react"
import { formatAmount } from "../lib/format"
import type { ReturnReasonOption } from "../lib/types"

/** An order line with shipped units that can still be authorized for return. */
export type ReturnableLine = {
  lineItemId: string
  title: string
  subtitle: string
  /** Line units shipped and not already authorized. */
  returnable: number
  /** Medusa's value of one unit (price, discounts and tax), for the amount's default. */
  unitValue: number
}

export type ReturnAuthorizationValues = {
  items: { line_item_id: string; quantity: number; resellable: boolean }[]
  reason?: string
  return_reason_id?: string
  location_id: string
  amount: number
  memo?: string
}

export type ReturnAuthorizationDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  lines: ReturnableLine[]
  /** Medusa's return reasons; free text when there are none. */
  reasons: ReturnReasonOption[]
  locations: { id: string; name: string }[]
  defaultLocationId: string | null
  currencyCode: string
  isPending: boolean
  /** The server's refusal, shown in the drawer until the form changes. */
  serverError: string | null
  onSubmit: (values: ReturnAuthorizationValues) => void
}

type LineChoice = { quantity: string; resellable: boolean }

const roundMoney = (value: number) => Math.round(value * 100) / 100

/** The amount field's rule, which the route enforces too: a number of 0 or more. */
export function validateAmount(raw: string): string | null {
  const text = raw.trim().replace(",", ".")
  if (!text) {
    return "Enter the credit for the customer (0 or more)"
  }
  if (!/^\d+(\.\d+)?$/.test(text)) {
    return "Amount must be a number of 0 or more, like 12.50"
  }
  return null
}

/**
 * "Authorize return": which shipped units come back (quantity per line,
 * resellable or not), why, where they come back to, the credit (prefilled
 * with the items' sale price until edited) and a memo.
 */
export const ReturnAuthorizationDrawer = ({
  open,
  onOpenChange,
  lines,
  reasons,
  locations,
  defaultLocationId,
  currencyCode,
  isPending,
  serverError,
  onSubmit,
}: ReturnAuthorizationDrawerProps) => {
  const [choices, setChoices] = useState<Record<string, LineChoice>>({})
  const [reason, setReason] = useState("")
  const [reasonId, setReasonId] = useState("")
  const [locationId, setLocationId] = useState("")
  const [amount, setAmount] = useState("")
  const [amountEdited, setAmountEdited] = useState(false)
  const [memo, setMemo] = useState("")
  const [touched, setTouched] = useState(false)

  useEffect(() => {
    if (open) {
      setChoices(
        Object.fromEntries(
          lines.map((line) => [
            line.lineItemId,
            // One line with one unit: that is what comes back.
            { quantity: lines.length === 1 && line.returnable === 1 ? "1" : "", resellable: true },
          ])
        )
      )
      setReason("")
      setReasonId("")
      setLocationId(defaultLocationId ?? (locations.length === 1 ? locations[0].id : ""))
      setAmount("")
      setAmountEdited(false)
      setMemo("")
      setTouched(false)
    }
    // Reset only when the drawer opens, not when the data refetches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const lineErrors = useMemo(() => {
    const errors: Record<string, string> = {}
    for (const line of lines) {
      const text = choices[line.lineItemId]?.quantity.trim() ?? ""
      if (!text) {
        continue
      }
      if (!/^\d+$/.test(text)) {
        errors[line.lineItemId] = "A whole number"
      } else if (Number(text) > line.returnable) {
        errors[line.lineItemId] = `At most ${line.returnable}`
      }
    }
    return errors
  }, [choices, lines])

  const chosen = lines
    .map((line) => ({ line, quantity: Number(choices[line.lineItemId]?.quantity.trim() || 0) }))
    .filter(({ line, quantity }) => quantity > 0 && !lineErrors[line.lineItemId])
  const salePrice = roundMoney(chosen.reduce((sum, { line, quantity }) => sum + quantity * line.unitValue, 0))

  // The amount follows the chosen items until the admin types their own.
  useEffect(() => {
    if (open && !amountEdited) {
      setAmount(chosen.length ? salePrice.toFixed(2) : "")
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [salePrice, chosen.length, amountEdited, open])

  const itemsError = Object.keys(lineErrors).length
    ? "Fix the quantities above"
    : chosen.length
      ? null
      : "Choose at least one unit to return"
  const reasonError = (reasons.length ? reasonId : reason.trim()) ? null : "Give a reason"
  const locationError = locationId ? null : "Choose where the goods come back to"
  const amountError = validateAmount(amount)

  const setLine = (lineItemId: string, patch: Partial<LineChoice>) =>
    setChoices((current) => ({
      ...current,
      [lineItemId]: { ...(current[lineItemId] ?? { quantity: "", resellable: true }), ...patch },
    }))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (itemsError || reasonError || locationError || amountError) {
      return
    }
    const reasonLabel = reasons.find((entry) => entry.id === reasonId)?.label
    onSubmit({
      items: chosen.map(({ line, quantity }) => ({
        line_item_id: line.lineItemId,
        quantity,
        resellable: choices[line.lineItemId]?.resellable ?? true,
      })),
      ...(reasons.length
        ? { return_reason_id: reasonId, reason: reasonLabel }
        : { reason: reason.trim() }),
      location_id: locationId,
      amount: Number(amount.trim().replace(",", ".")),
      ...(memo.trim() ? { memo: memo.trim() } : {}),
    })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>Authorize return</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Choose the shipped units the customer sends back. Nothing moves until you
              receive the return: then resellable units go back into stock at the receiving
              location and the credit is added to the order, ready to refund.
            </Text>
            {serverError && (
              <Alert variant="error" dismissible={false} data-testid="return-authorization-error">
                {serverError}
              </Alert>
            )}
            <div className="flex flex-col gap-y-3">
              <Label size="small" weight="plus">
                Items
              </Label>
              {lines.map((line) => {
                const choice = choices[line.lineItemId] ?? { quantity: "", resellable: true }
                const error = lineErrors[line.lineItemId]
                return (
                  <div
                    key={line.lineItemId}
                    className="shadow-elevation-card-rest bg-ui-bg-component flex flex-col gap-y-2 rounded-lg px-4 py-3"
                    data-line-item-id={line.lineItemId}
                  >
                    <div className="flex items-start justify-between gap-x-4">
                      <div className="min-w-0">
                        <Text size="small" leading="compact" weight="plus" className="truncate">
                          {line.title}
                        </Text>
                        <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
                          {line.subtitle}
                        </Text>
                        <Text size="small" leading="compact" className="text-ui-fg-subtle">
                          {line.returnable} shipped · {formatAmount(line.unitValue, currencyCode)} each
                        </Text>
                      </div>
                      <div className="w-24 shrink-0">
                        <Input
                          size="small"
                          inputMode="numeric"
                          placeholder="0"
                          aria-label={`Quantity to return: ${line.title}`}
                          value={choice.quantity}
                          aria-invalid={!!error}
                          onChange={(event) => setLine(line.lineItemId, { quantity: event.target.value })}
                        />
                      </div>
                    </div>
                    {error && <Hint variant="error">{error}</Hint>}
                    <div className="flex items-center gap-x-2">
                      <Switch
                        id={`resellable-${line.lineItemId}`}
                        aria-label={`Resellable: ${line.title}`}
                        checked={choice.resellable}
                        onCheckedChange={(checked) => setLine(line.lineItemId, { resellable: !!checked })}
                      />
                      <Label size="small" htmlFor={`resellable-${line.lineItemId}`}>
                        Resellable — goes back into stock when received
                      </Label>
                    </div>
                  </div>
                )
              })}
              {touched && itemsError && <Hint variant="error">{itemsError}</Hint>}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="return-authorization-reason">
                Reason
              </Label>
              {reasons.length ? (
                <Select value={reasonId} onValueChange={setReasonId}>
                  <Select.Trigger id="return-authorization-reason" aria-label="Reason">
                    <Select.Value placeholder="Choose a return reason" />
                  </Select.Trigger>
                  <Select.Content>
                    {reasons.map((entry) => (
                      <Select.Item key={entry.id} value={entry.id}>
                        {entry.label}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              ) : (
                <Input
                  id="return-authorization-reason"
                  placeholder="e.g. Too small"
                  value={reason}
                  maxLength={500}
                  onChange={(event) => setReason(event.target.value)}
                />
              )}
              {touched && reasonError && <Hint variant="error">{reasonError}</Hint>}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="return-authorization-location">
                Receiving location
              </Label>
              <Select value={locationId} onValueChange={setLocationId}>
                <Select.Trigger id="return-authorization-location" aria-label="Receiving location">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
                <Select.Content>
                  {locations.map((location) => (
                    <Select.Item key={location.id} value={location.id}>
                      {location.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              {touched && locationError ? (
                <Hint variant="error">{locationError}</Hint>
              ) : (
                <Hint>Resellable units go back into stock here, if the location restocks returns.</Hint>
              )}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="return-authorization-amount">
                Credit ({currencyCode.toUpperCase()})
              </Label>
              <Input
                id="return-authorization-amount"
                inputMode="decimal"
                placeholder="0.00"
                value={amount}
                aria-invalid={touched && !!amountError}
                onChange={(event) => {
                  setAmount(event.target.value)
                  setAmountEdited(true)
                }}
              />
              {touched && amountError ? (
                <Hint variant="error">{amountError}</Hint>
              ) : (
                <Hint>
                  {chosen.length
                    ? `Sale price of the chosen items: ${formatAmount(salePrice, currencyCode)}. Any amount of 0 or more.`
                    : "Prefilled with the sale price of the items you choose; any amount of 0 or more."}
                </Hint>
              )}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="return-authorization-memo">
                Memo <span className="text-ui-fg-muted font-normal">(optional)</span>
              </Label>
              <Textarea
                id="return-authorization-memo"
                value={memo}
                maxLength={2000}
                onChange={(event) => setMemo(event.target.value)}
              />
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={isPending}>
              Authorize return
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
