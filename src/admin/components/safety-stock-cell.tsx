import { PencilSquare } from "@medusajs/icons"
import { Alert, Button, Drawer, IconButton, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { StockItem } from "../lib/types"

export type SafetyStockCellProps = {
  stockItem: StockItem
  /** "Item at location", for the drawer's title and the field's label */
  label: string
  /** Absent: shown, not editable. Rejects with the server's message. */
  onSave?: (stockItem: StockItem, safetyStock: number) => Promise<void>
}

const WHOLE = /^\d+$/

/**
 * A stock item's safety stock (units on hand kept out of sale and out of
 * backorder fills) with what is left to sell, and a drawer to change it.
 */
export const SafetyStockCell = ({ stockItem, label, onSave }: SafetyStockCellProps) => {
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const safetyStock = stockItem.safety_stock ?? 0
  useEffect(() => {
    if (open) {
      setValue(String(safetyStock))
      setError(null)
    }
  }, [open, safetyStock])

  const submit = async () => {
    const trimmed = value.trim()
    if (!WHOLE.test(trimmed)) {
      setError("Safety stock is a whole number, 0 or more")
      return
    }
    setSaving(true)
    try {
      await onSave!(stockItem, Number(trimmed))
      setOpen(false)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="flex items-center justify-end gap-x-1">
      <div className="flex flex-col items-end">
        <span className="tabular-nums">{safetyStock}</span>
        {safetyStock > 0 && stockItem.sellable !== undefined && (
          <span className="txt-compact-xsmall text-ui-fg-muted text-nowrap" data-column="sellable">
            {Math.max(stockItem.sellable, 0)} sellable
          </span>
        )}
      </div>
      {onSave && (
        <IconButton size="small" variant="transparent" aria-label={`Edit safety stock of ${label}`} onClick={() => setOpen(true)}>
          <PencilSquare />
        </IconButton>
      )}
      <Drawer open={open} onOpenChange={setOpen}>
        <Drawer.Content aria-describedby={undefined}>
          <form
            className="flex flex-1 flex-col overflow-hidden"
            noValidate
            data-testid="safety-stock-form"
            onSubmit={(event) => {
              event.preventDefault()
              void submit()
            }}
          >
            <Drawer.Header>
              <Drawer.Title>Safety stock</Drawer.Title>
            </Drawer.Header>
            <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
              <Text size="small" className="text-ui-fg-subtle">
                Units of <strong>{label}</strong> kept on hand and out of sale: carts and checkout
                see the count on hand less this, and backorders fill only above it. Changing it
                moves no stock and writes no movement.
              </Text>
              {error && (
                <Alert variant="error" dismissible={false}>
                  {error}
                </Alert>
              )}
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus" htmlFor={`safety-stock-${stockItem.id}`}>
                  Safety stock
                </Label>
                <Input
                  id={`safety-stock-${stockItem.id}`}
                  inputMode="numeric"
                  value={value}
                  aria-invalid={!!error}
                  onChange={(event) => setValue(event.target.value)}
                />
                <Text size="small" className="text-ui-fg-muted">
                  Count on hand now: {stockItem.count_on_hand}
                </Text>
              </div>
            </Drawer.Body>
            <Drawer.Footer>
              <Drawer.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </Drawer.Close>
              <Button size="small" type="submit" isLoading={saving}>
                Save
              </Button>
            </Drawer.Footer>
          </form>
        </Drawer.Content>
      </Drawer>
    </div>
  )
}
