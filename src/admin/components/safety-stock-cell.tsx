import { zodResolver } from "@hookform/resolvers/zod"
import { PencilSquare } from "@medusajs/icons"
import { IconButton, Input } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod/v4"
import type { StockItem } from "../lib/types"
import { Form } from "./form"
import { FormDrawer } from "./form-drawer"

export type SafetyStockCellProps = {
  stockItem: StockItem
  /** "Item at location", for the drawer's title and the field's label */
  label: string
  /** Absent: shown, not editable. Rejects with the server's message. */
  onSave?: (stockItem: StockItem, safetyStock: number) => Promise<void>
}

const safetyStockSchema = z.object({
  safety_stock: z.string().regex(/^\s*\d+\s*$/, "Safety stock is a whole number, 0 or more"),
})

/**
 * A stock item's safety stock (units on hand kept out of sale and out of
 * backorder fills) with what is left to sell, and a drawer to change it.
 */
export const SafetyStockCell = ({ stockItem, label, onSave }: SafetyStockCellProps) => {
  const [open, setOpen] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const safetyStock = stockItem.safety_stock ?? 0
  const form = useForm<z.infer<typeof safetyStockSchema>>({
    defaultValues: { safety_stock: String(safetyStock) },
    resolver: zodResolver(safetyStockSchema),
  })
  useEffect(() => {
    if (open) {
      form.reset({ safety_stock: String(safetyStock) })
      setServerError(null)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, safetyStock])

  const handleSubmit = form.handleSubmit(async (values) => {
    setSaving(true)
    setServerError(null)
    try {
      await onSave!(stockItem, Number(values.safety_stock.trim()))
      setOpen(false)
    } catch (err) {
      setServerError((err as Error).message)
    } finally {
      setSaving(false)
    }
  })

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
      <FormDrawer
        open={open}
        onOpenChange={setOpen}
        form={form}
        onSubmit={handleSubmit}
        title="Safety stock"
        description={
          <>
            Units of <strong>{label}</strong> kept on hand and out of sale: carts and checkout see
            the count on hand less this, and backorders fill only above it. Changing it moves no
            stock and writes no movement.
          </>
        }
        submitLabel="Save"
        isPending={saving}
        serverError={serverError}
        formTestId="safety-stock-form"
      >
        <Form.Field
          control={form.control}
          name="safety_stock"
          render={({ field }) => (
            <Form.Item controlId={`safety-stock-${stockItem.id}`}>
              <Form.Label>Safety stock</Form.Label>
              <Form.Control>
                <Input {...field} inputMode="numeric" />
              </Form.Control>
              <Form.ErrorMessage>Count on hand now: {stockItem.count_on_hand}</Form.ErrorMessage>
            </Form.Item>
          )}
        />
      </FormDrawer>
    </div>
  )
}
