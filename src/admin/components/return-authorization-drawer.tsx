import { zodResolver } from "@hookform/resolvers/zod"
import { Hint, Input, Label, Select, Switch, Text, Textarea } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useFieldArray, useForm, useWatch } from "react-hook-form"
import { z } from "zod/v4"
import { formatAmount } from "../lib/format"
import type { ReturnReasonOption } from "../lib/types"
import { Form, listErrorMessage } from "./form"
import { FormDrawer } from "./form-drawer"

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

/** A line's quantity: empty (none back) or a whole number up to what can come back. */
const lineQuantityError = (raw: string, returnable: number): string | null => {
  const text = raw.trim()
  if (!text) {
    return null
  }
  if (!/^\d+$/.test(text)) {
    return "A whole number"
  }
  return Number(text) > returnable ? `At most ${returnable}` : null
}

const returnLineSchema = z
  .object({
    line_item_id: z.string(),
    returnable: z.number(),
    quantity: z.string(),
    resellable: z.boolean(),
  })
  .superRefine((line, ctx) => {
    const message = lineQuantityError(line.quantity, line.returnable)
    if (message) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message })
    }
  })

/** Medusa's return reasons, when the store has any, replace the free-text reason. */
const returnAuthorizationSchema = (hasReasons: boolean) =>
  z.object({
    lines: z.array(returnLineSchema).superRefine((lines, ctx) => {
      if (lines.some((line) => lineQuantityError(line.quantity, line.returnable))) {
        ctx.addIssue({ code: "custom", message: "Fix the quantities above" })
      } else if (!lines.some((line) => Number(line.quantity.trim() || 0) > 0)) {
        ctx.addIssue({ code: "custom", message: "Choose at least one unit to return" })
      }
    }),
    reason: hasReasons ? z.string() : z.string().max(500).refine((value) => value.trim(), "Give a reason"),
    return_reason_id: hasReasons ? z.string().min(1, "Give a reason") : z.string(),
    location_id: z.string().min(1, "Choose where the goods come back to"),
    amount: z.string().superRefine((raw, ctx) => {
      const message = validateAmount(raw)
      if (message) {
        ctx.addIssue({ code: "custom", message })
      }
    }),
    memo: z.string().max(2000),
  })

type ReturnAuthorizationFormValues = z.infer<ReturnType<typeof returnAuthorizationSchema>>

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
  const schema = useMemo(() => returnAuthorizationSchema(reasons.length > 0), [reasons.length])
  const defaults = (): ReturnAuthorizationFormValues => ({
    lines: lines.map((line) => ({
      line_item_id: line.lineItemId,
      returnable: line.returnable,
      // One line with one unit: that is what comes back.
      quantity: lines.length === 1 && line.returnable === 1 ? "1" : "",
      resellable: true,
    })),
    reason: "",
    return_reason_id: "",
    location_id: defaultLocationId ?? (locations.length === 1 ? locations[0].id : ""),
    amount: "",
    memo: "",
  })
  const form = useForm<ReturnAuthorizationFormValues>({
    defaultValues: defaults(),
    resolver: zodResolver(schema),
  })
  const rows = useFieldArray({ control: form.control, name: "lines" })

  // Reset when the drawer opens, and if the returnable lines arrive or change
  // while it is open; not on every refetch.
  const lineKey = lines.map((line) => `${line.lineItemId}:${line.returnable}`).join(",")
  useEffect(() => {
    if (open) {
      form.reset(defaults())
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, lineKey])

  const chosenLines = useWatch({ control: form.control, name: "lines" })
  const lineErrors = form.formState.errors.lines
  // Typing the amount stops it following the chosen items; clearing it starts again.
  const amountEdited = !!form.formState.dirtyFields.amount

  const chosen = lines
    .map((line, index) => ({ line, quantity: chosenLines[index]?.quantity ?? "" }))
    .filter(({ line, quantity }) => Number(quantity.trim() || 0) > 0 && !lineQuantityError(quantity, line.returnable))
    .map(({ line, quantity }) => ({ line, quantity: Number(quantity.trim()) }))
  const salePrice = roundMoney(chosen.reduce((sum, { line, quantity }) => sum + quantity * line.unitValue, 0))

  // The amount follows the chosen items until the admin types their own.
  useEffect(() => {
    if (open && !amountEdited) {
      form.setValue("amount", chosen.length ? salePrice.toFixed(2) : "", {
        shouldValidate: form.formState.isSubmitted,
      })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [salePrice, chosen.length, amountEdited, open])

  // A line's own limit shows as it is typed; the list's message once the form was sent.
  const revalidateLine = (index: number) =>
    void form.trigger(form.formState.isSubmitted ? undefined : `lines.${index}.quantity`)

  const handleSubmit = form.handleSubmit((values) => {
    const reasonLabel = reasons.find((entry) => entry.id === values.return_reason_id)?.label
    const memo = values.memo.trim()
    onSubmit({
      items: values.lines
        .filter((line) => Number(line.quantity.trim() || 0) > 0)
        .map((line) => ({
          line_item_id: line.line_item_id,
          quantity: Number(line.quantity.trim()),
          resellable: line.resellable,
        })),
      ...(reasons.length
        ? { return_reason_id: values.return_reason_id, reason: reasonLabel }
        : { reason: values.reason.trim() }),
      location_id: values.location_id,
      amount: Number(values.amount.trim().replace(",", ".")),
      ...(memo ? { memo } : {}),
    })
  })

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      onSubmit={handleSubmit}
      title="Authorize return"
      description="Choose the shipped units the customer sends back. Nothing moves until you receive the return: then resellable units go back into stock at the receiving location and the credit is added to the order, ready to refund."
      submitLabel="Authorize return"
      isPending={isPending}
      serverError={serverError}
      serverErrorTestId="return-authorization-error"
    >
      <div className="flex flex-col gap-y-3">
        <Label size="small" weight="plus">
          Items
        </Label>
        {rows.fields.map((row, index) => {
          const line = lines.find((entry) => entry.lineItemId === row.line_item_id)
          if (!line) {
            return null
          }
          return (
            <div
              key={row.id}
              className="shadow-elevation-card-rest bg-ui-bg-component flex flex-col gap-y-2 rounded-lg px-4 py-3"
              data-line-item-id={line.lineItemId}
            >
              <Form.Field
                control={form.control}
                name={`lines.${index}.quantity`}
                render={({ field: { onChange, ...field } }) => (
                  <Form.Item>
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
                        <Form.Control>
                          <Input
                            {...field}
                            onChange={(event) => {
                              onChange(event)
                              revalidateLine(index)
                            }}
                            size="small"
                            inputMode="numeric"
                            placeholder="0"
                            aria-label={`Quantity to return: ${line.title}`}
                          />
                        </Form.Control>
                      </div>
                    </div>
                    <Form.ErrorMessage />
                  </Form.Item>
                )}
              />
              <Form.Field
                control={form.control}
                name={`lines.${index}.resellable`}
                render={({ field: { value, onChange, ref } }) => (
                  <Form.Item className="flex-row items-center gap-x-2 gap-y-0" controlId={`resellable-${line.lineItemId}`}>
                    <Form.Control>
                      <Switch
                        ref={ref}
                        aria-label={`Resellable: ${line.title}`}
                        checked={value}
                        onCheckedChange={(checked) => onChange(!!checked)}
                      />
                    </Form.Control>
                    <Form.Label weight="regular">Resellable — goes back into stock when received</Form.Label>
                  </Form.Item>
                )}
              />
            </div>
          )
        })}
        {listErrorMessage(lineErrors) && <Hint variant="error">{listErrorMessage(lineErrors)}</Hint>}
      </div>
      {reasons.length ? (
        <Form.Field
          control={form.control}
          name="return_reason_id"
          render={({ field: { value, onChange, ref } }) => (
            <Form.Item controlId="return-authorization-reason">
              <Form.Label>Reason</Form.Label>
              <Select value={value} onValueChange={onChange}>
                <Form.Control>
                  <Select.Trigger ref={ref} aria-label="Reason">
                    <Select.Value placeholder="Choose a return reason" />
                  </Select.Trigger>
                </Form.Control>
                <Select.Content>
                  {reasons.map((entry) => (
                    <Select.Item key={entry.id} value={entry.id}>
                      {entry.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              <Form.ErrorMessage />
            </Form.Item>
          )}
        />
      ) : (
        <Form.Field
          control={form.control}
          name="reason"
          render={({ field }) => (
            <Form.Item controlId="return-authorization-reason">
              <Form.Label>Reason</Form.Label>
              <Form.Control>
                <Input {...field} placeholder="e.g. Too small" maxLength={500} />
              </Form.Control>
              <Form.ErrorMessage />
            </Form.Item>
          )}
        />
      )}
      <Form.Field
        control={form.control}
        name="location_id"
        render={({ field: { value, onChange, ref } }) => (
          <Form.Item controlId="return-authorization-location">
            <Form.Label>Receiving location</Form.Label>
            <Select value={value} onValueChange={onChange}>
              <Form.Control>
                <Select.Trigger ref={ref} aria-label="Receiving location">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
              </Form.Control>
              <Select.Content>
                {locations.map((location) => (
                  <Select.Item key={location.id} value={location.id}>
                    {location.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Form.ErrorMessage>
              Resellable units go back into stock here, if the location restocks returns.
            </Form.ErrorMessage>
          </Form.Item>
        )}
      />
      <Form.Field
        control={form.control}
        name="amount"
        render={({ field }) => (
          <Form.Item controlId="return-authorization-amount">
            <Form.Label>Credit ({currencyCode.toUpperCase()})</Form.Label>
            <Form.Control>
              <Input {...field} inputMode="decimal" placeholder="0.00" />
            </Form.Control>
            <Form.ErrorMessage>
              {chosen.length
                ? `Sale price of the chosen items: ${formatAmount(salePrice, currencyCode)}. Any amount of 0 or more.`
                : "Prefilled with the sale price of the items you choose; any amount of 0 or more."}
            </Form.ErrorMessage>
          </Form.Item>
        )}
      />
      <Form.Field
        control={form.control}
        name="memo"
        render={({ field }) => (
          <Form.Item controlId="return-authorization-memo">
            <Form.Label optional>Memo</Form.Label>
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
