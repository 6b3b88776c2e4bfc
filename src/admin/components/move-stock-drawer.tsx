import { zodResolver } from "@hookform/resolvers/zod"
import { Input, Select, Textarea } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm, useWatch } from "react-hook-form"
import { z } from "zod/v4"
import { Form } from "./form"
import { FormDrawer } from "./form-drawer"
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

const moveStockSchema = z.object({
  stock_item_id: z.string().min(1, "Choose a location"),
  quantity: z.string().superRefine((raw, ctx) => {
    const message = validateQuantity(raw)
    if (message) {
      ctx.addIssue({ code: "custom", message })
    }
  }),
  reason_code: z.string(),
  reason: z.string().max(200),
  note: z.string().max(2000),
})

type MoveStockFormValues = z.infer<typeof moveStockSchema>

export const MoveStockDrawer = ({
  open,
  onOpenChange,
  options,
  isPending,
  serverError,
  onSubmit,
}: MoveStockDrawerProps) => {
  const form = useForm<MoveStockFormValues>({
    defaultValues: { stock_item_id: "", quantity: "", reason_code: "", reason: "", note: "" },
    resolver: zodResolver(moveStockSchema),
  })

  useEffect(() => {
    if (open) {
      form.reset({
        stock_item_id: options.length === 1 ? options[0].stockItemId : "",
        quantity: "",
        reason_code: "",
        reason: "",
        note: "",
      })
    }
    // Reset only when the drawer opens, not when the options refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const [stockItemId, quantity] = useWatch({ control: form.control, name: ["stock_item_id", "quantity"] })
  const selected = options.find((option) => option.stockItemId === stockItemId)

  const handleSubmit = form.handleSubmit((values) =>
    onSubmit({
      stock_item_id: values.stock_item_id,
      quantity: Number(values.quantity.trim()),
      reason: values.reason.trim() || null,
      reason_code: (values.reason_code as ReasonCode | "") || defaultReasonCodeFor(values.quantity),
      note: values.note.trim() || null,
    })
  )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      onSubmit={handleSubmit}
      title="Move stock"
      description="Adds units to a location (a positive quantity) or takes them away (a negative one). Every move is recorded in the stock ledger."
      submitLabel="Move stock"
      isPending={isPending}
      serverError={serverError}
      serverErrorTestId="move-stock-error"
    >
      <Form.Field
        control={form.control}
        name="stock_item_id"
        render={({ field: { value, onChange, ref } }) => (
          <Form.Item controlId="move-stock-location">
            <Form.Label>Location</Form.Label>
            <Select value={value} onValueChange={onChange}>
              <Form.Control>
                <Select.Trigger ref={ref} aria-label="Location">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
              </Form.Control>
              <Select.Content>
                {options.map((option) => (
                  <Select.Item key={option.stockItemId} value={option.stockItemId}>
                    {option.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Form.ErrorMessage>
              {selected ? `${selected.countOnHand} available to sell here now` : null}
            </Form.ErrorMessage>
          </Form.Item>
        )}
      />
      <Form.Field
        control={form.control}
        name="quantity"
        render={({ field }) => (
          <Form.Item controlId="move-stock-quantity">
            <Form.Label>Quantity</Form.Label>
            <Form.Control>
              <Input {...field} inputMode="numeric" placeholder="e.g. 5 or -2" />
            </Form.Control>
            <Form.ErrorMessage>Positive to add units, negative to remove them.</Form.ErrorMessage>
          </Form.Item>
        )}
      />
      <Form.Field
        control={form.control}
        name="reason_code"
        render={({ field: { value, onChange, ref } }) => (
          <Form.Item controlId="move-stock-reason-code">
            <Form.Label>Reason code</Form.Label>
            <Select value={value || defaultReasonCodeFor(quantity)} onValueChange={onChange}>
              <Form.Control>
                <Select.Trigger ref={ref} aria-label="Reason code">
                  <Select.Value />
                </Select.Trigger>
              </Form.Control>
              <Select.Content>
                {REASON_CODE_OPTIONS.map((option) => (
                  <Select.Item key={option.value} value={option.value}>
                    {option.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Form.ErrorMessage>
              Received when adding, correction when taking, unless you pick another.
            </Form.ErrorMessage>
          </Form.Item>
        )}
      />
      <Form.Field
        control={form.control}
        name="reason"
        render={({ field }) => (
          <Form.Item controlId="move-stock-reason">
            <Form.Label optional>Reason</Form.Label>
            <Form.Control>
              <Input {...field} list="move-stock-reasons" placeholder="e.g. Received" maxLength={200} />
            </Form.Control>
            <datalist id="move-stock-reasons">
              {REASONS.map((entry) => (
                <option key={entry} value={entry} />
              ))}
            </datalist>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
      <Form.Field
        control={form.control}
        name="note"
        render={({ field }) => (
          <Form.Item controlId="move-stock-note">
            <Form.Label optional>Note</Form.Label>
            <Form.Control>
              <Textarea {...field} maxLength={2000} />
            </Form.Control>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
    </FormDrawer>
  )
}
