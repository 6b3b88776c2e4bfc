import { Alert, Button, Drawer, Hint, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import type { ReasonCode } from "../lib/types"

export type MoveStockOption = { stockItemId: string; label: string; countOnHand: number }

export type MoveStockValues = {
  stock_item_id: string
  quantity: number
  reason: string | null
  reason_code: ReasonCode
  note: string | null
}

export type MoveStockDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  options: MoveStockOption[]
  isPending: boolean
  /** The server's refusal, shown in the drawer until the form changes. */
  serverError: string | null
  onSubmit: (values: MoveStockValues) => void
}

const REASONS = ["Received", "Count correction", "Damaged", "Lost", "Found"]

/** The ledger's reason codes, in the order the contract lists them. */
export const REASON_CODE_OPTIONS: { value: ReasonCode; label: string }[] = [
  { value: "correction", label: "Correction" },
  { value: "cycle_count", label: "Cycle count" },
  { value: "received", label: "Received" },
  { value: "return_restock", label: "Return restock" },
  { value: "damaged", label: "Damaged" },
  { value: "shrinkage", label: "Shrinkage" },
  { value: "promotion", label: "Promotion" },
  { value: "other", label: "Other" },
]

/** The code a movement gets unless the admin picks another: received when adding, correction when taking. */
export function defaultReasonCodeFor(quantity: string): ReasonCode {
  return quantity.trim().startsWith("-") ? "correction" : "received"
}

/** The client-side rule the route enforces too: a non-zero whole number. */
export function validateQuantity(raw: string): string | null {
  const text = raw.trim()
  if (!text) {
    return "Enter a quantity"
  }
  if (!/^[+-]?\d+$/.test(text)) {
    return "Quantity must be a whole number, like 5 or -2"
  }
  const value = Number(text)
  if (value === 0) {
    return "Quantity must not be zero"
  }
  if (Math.abs(value) > 1_000_000_000) {
    return "Quantity is too large"
  }
  return null
}

export const MoveStockDrawer = ({
  open,
  onOpenChange,
  options,
  isPending,
  serverError,
  onSubmit,
}: MoveStockDrawerProps) => {
  const [stockItemId, setStockItemId] = useState("")
  const [quantity, setQuantity] = useState("")
  const [reason, setReason] = useState("")
  const [reasonCode, setReasonCode] = useState<ReasonCode | "">("")
  const [note, setNote] = useState("")
  const [touched, setTouched] = useState(false)

  useEffect(() => {
    if (open) {
      setStockItemId(options.length === 1 ? options[0].stockItemId : "")
      setQuantity("")
      setReason("")
      setReasonCode("")
      setNote("")
      setTouched(false)
    }
    // Reset only when the drawer opens, not when the options refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const quantityError = validateQuantity(quantity)
  const locationError = stockItemId ? null : "Choose a location"
  const selected = options.find((option) => option.stockItemId === stockItemId)

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (quantityError || locationError) {
      return
    }
    onSubmit({
      stock_item_id: stockItemId,
      quantity: Number(quantity.trim()),
      reason: reason.trim() || null,
      reason_code: reasonCode || defaultReasonCodeFor(quantity),
      note: note.trim() || null,
    })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>Move stock</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Adds units to a location (a positive quantity) or takes them away (a
              negative one). Every move is recorded in the stock ledger.
            </Text>
            {serverError && (
              <Alert variant="error" dismissible={false} data-testid="move-stock-error">
                {serverError}
              </Alert>
            )}
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="move-stock-location">
                Location
              </Label>
              <Select value={stockItemId} onValueChange={setStockItemId}>
                <Select.Trigger id="move-stock-location" aria-label="Location">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
                <Select.Content>
                  {options.map((option) => (
                    <Select.Item key={option.stockItemId} value={option.stockItemId}>
                      {option.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              {touched && locationError ? (
                <Hint variant="error">{locationError}</Hint>
              ) : selected ? (
                <Hint>{selected.countOnHand} available to sell here now</Hint>
              ) : null}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="move-stock-quantity">
                Quantity
              </Label>
              <Input
                id="move-stock-quantity"
                name="quantity"
                inputMode="numeric"
                placeholder="e.g. 5 or -2"
                value={quantity}
                aria-invalid={touched && !!quantityError}
                onChange={(event) => setQuantity(event.target.value)}
              />
              {touched && quantityError ? (
                <Hint variant="error">{quantityError}</Hint>
              ) : (
                <Hint>Positive to add units, negative to remove them.</Hint>
              )}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="move-stock-reason-code">
                Reason code
              </Label>
              <Select value={reasonCode || defaultReasonCodeFor(quantity)} onValueChange={(value) => setReasonCode(value as ReasonCode)}>
                <Select.Trigger id="move-stock-reason-code" aria-label="Reason code">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {REASON_CODE_OPTIONS.map((option) => (
                    <Select.Item key={option.value} value={option.value}>
                      {option.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              <Hint>Received when adding, correction when taking, unless you pick another.</Hint>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="move-stock-reason">
                Reason <span className="text-ui-fg-muted font-normal">(optional)</span>
              </Label>
              <Input
                id="move-stock-reason"
                name="reason"
                list="move-stock-reasons"
                placeholder="e.g. Received"
                value={reason}
                maxLength={200}
                onChange={(event) => setReason(event.target.value)}
              />
              <datalist id="move-stock-reasons">
                {REASONS.map((entry) => (
                  <option key={entry} value={entry} />
                ))}
              </datalist>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="move-stock-note">
                Note <span className="text-ui-fg-muted font-normal">(optional)</span>
              </Label>
              <Textarea
                id="move-stock-note"
                name="note"
                value={note}
                maxLength={2000}
                onChange={(event) => setNote(event.target.value)}
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
              Move stock
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
