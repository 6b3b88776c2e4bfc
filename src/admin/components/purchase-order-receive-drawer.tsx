import { zodResolver } from "@hookform/resolvers/zod"
import { Hint, Input, Table, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { useFieldArray, useForm, UseFormReturn, useWatch } from "react-hook-form"
import { z } from "zod/v4"
import type { PurchaseOrder, ReceiptLineBody } from "../lib/types"
import { Form, listErrorMessage } from "./form"
import { FormDrawer } from "./form-drawer"

export type PurchaseOrderReceiveDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  purchaseOrder: PurchaseOrder
  itemLabels: Record<string, string>
  isPending: boolean
  serverError?: string
  onSubmit: (body: { items: ReceiptLineBody[]; note?: string }) => void
}

const outstandingOf = (item: NonNullable<PurchaseOrder["items"]>[number]) =>
  item.quantity - item.received_quantity - item.rejected_quantity
const asCount = (value: string) => (value.trim() === "" ? 0 : Number(value))
const COUNT = /^\s*\d*\s*$/
const NOT_A_COUNT = "Whole numbers, not negative"

const receiptLineSchema = z
  .object({
    inventory_item_id: z.string(),
    outstanding: z.number(),
    accepted: z.string().regex(COUNT, NOT_A_COUNT),
    rejected: z.string().regex(COUNT, NOT_A_COUNT),
    reason: z.string(),
  })
  .superRefine((line, ctx) => {
    if (!COUNT.test(line.accepted) || !COUNT.test(line.rejected)) {
      return
    }
    if (asCount(line.accepted) + asCount(line.rejected) > line.outstanding) {
      ctx.addIssue({ code: "custom", path: ["accepted"], message: `Only ${line.outstanding} outstanding` })
    }
  })

const receiptSchema = z.object({
  lines: z
    .array(receiptLineSchema)
    .refine(
      (lines) => lines.some((line) => asCount(line.accepted) + asCount(line.rejected) > 0),
      "Enter what arrived or was refused for at least one item."
    ),
  note: z.string().max(2000),
})

type ReceiptFormValues = z.infer<typeof receiptSchema>

/** One count of a receipt line (accepted or rejected): revalidates the line as it is typed. */
const LineCountField = ({
  form,
  name,
  label,
  disabled,
  onTyped,
}: {
  form: UseFormReturn<ReceiptFormValues>
  name: `lines.${number}.accepted` | `lines.${number}.rejected`
  label: string
  disabled: boolean
  onTyped: () => void
}) => (
  <Form.Field
    control={form.control}
    name={name}
    render={({ field: { onChange, ...field } }) => (
      <Form.Item>
        <Form.Control>
          <Input
            {...field}
            onChange={(event) => {
              onChange(event)
              onTyped()
            }}
            size="small"
            className="w-16"
            aria-label={label}
            inputMode="numeric"
            disabled={disabled}
          />
        </Form.Control>
      </Form.Item>
    )}
  />
)

/** One delivery: per item what arrived and what was refused, against what is outstanding. */
export const PurchaseOrderReceiveDrawer = ({
  open,
  onOpenChange,
  purchaseOrder,
  itemLabels,
  isPending,
  serverError,
  onSubmit,
}: PurchaseOrderReceiveDrawerProps) => {
  const items = purchaseOrder.items ?? []
  const defaults = (): ReceiptFormValues => ({
    // Everything outstanding arrives unless the admin says otherwise.
    lines: items.map((item) => ({
      inventory_item_id: item.inventory_item_id,
      outstanding: outstandingOf(item),
      accepted: String(outstandingOf(item)),
      rejected: "",
      reason: "",
    })),
    note: "",
  })
  const form = useForm<ReceiptFormValues>({ defaultValues: defaults(), resolver: zodResolver(receiptSchema) })
  const lines = useFieldArray({ control: form.control, name: "lines" })

  useEffect(() => {
    if (open) {
      form.reset(defaults())
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const values = useWatch({ control: form.control, name: "lines" })
  const lineErrors = form.formState.errors.lines
  // A line's own limit shows as it is typed; "at least one item" once the form was sent.
  const revalidateLine = (index: number) =>
    void form.trigger(
      form.formState.isSubmitted ? undefined : [`lines.${index}.accepted`, `lines.${index}.rejected`]
    )

  const handleSubmit = form.handleSubmit((receipt) =>
    onSubmit({
      note: receipt.note.trim() || undefined,
      items: receipt.lines
        .filter((line) => asCount(line.accepted) + asCount(line.rejected) > 0)
        .map((line) => ({
          inventory_item_id: line.inventory_item_id,
          accepted: asCount(line.accepted),
          ...(asCount(line.rejected)
            ? { rejected: asCount(line.rejected), rejection_reason: line.reason.trim() || undefined }
            : {}),
        })),
    })
  )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      onSubmit={handleSubmit}
      title={`Receive ${purchaseOrder.number}`}
      submitLabel="Receive"
      isPending={isPending}
      serverError={serverError}
      formTestId="receive-form"
      bodyClassName="gap-y-4"
    >
      <div className="flex flex-col gap-y-2">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Item</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Outstanding</Table.HeaderCell>
              <Table.HeaderCell>Accept</Table.HeaderCell>
              <Table.HeaderCell>Reject</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.fields.map((line, index) => {
              const item = items.find((entry) => entry.inventory_item_id === line.inventory_item_id)
              const label = itemLabels[line.inventory_item_id] ?? line.inventory_item_id
              const errors = lineErrors?.[index]
              const error = errors?.accepted?.message ?? errors?.rejected?.message
              const rejected = values[index]?.rejected ?? ""
              return (
                <Table.Row key={line.id} data-inventory-item-id={line.inventory_item_id}>
                  <Table.Cell>
                    <Text size="small" leading="compact" className="max-w-[200px] truncate">
                      {label}
                    </Text>
                    {item && (
                      <Text size="xsmall" leading="compact" className="text-ui-fg-muted text-nowrap" data-column="counts">
                        {item.quantity} ordered · {item.received_quantity} received · {item.rejected_quantity} rejected
                      </Text>
                    )}
                    {error && (
                      <Text size="xsmall" className="text-ui-fg-error">
                        {error}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums" data-column="outstanding">
                    {line.outstanding}
                  </Table.Cell>
                  <Table.Cell>
                    <LineCountField
                      form={form}
                      name={`lines.${index}.accepted`}
                      label={`Accept ${label}`}
                      disabled={!line.outstanding}
                      onTyped={() => revalidateLine(index)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex gap-x-1">
                      <LineCountField
                        form={form}
                        name={`lines.${index}.rejected`}
                        label={`Reject ${label}`}
                        disabled={!line.outstanding}
                        onTyped={() => revalidateLine(index)}
                      />
                      {asCount(rejected) > 0 && (
                        <Form.Field
                          control={form.control}
                          name={`lines.${index}.reason`}
                          render={({ field }) => (
                            <Form.Item>
                              <Form.Control>
                                <Input
                                  {...field}
                                  size="small"
                                  className="w-24"
                                  aria-label={`Why ${label} was rejected`}
                                  placeholder="Reason"
                                />
                              </Form.Control>
                            </Form.Item>
                          )}
                        />
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
        {listErrorMessage(lineErrors) && <Hint variant="error">{listErrorMessage(lineErrors)}</Hint>}
      </div>
      <Form.Field
        control={form.control}
        name="note"
        render={({ field }) => (
          <Form.Item>
            <Form.Control>
              <Input {...field} placeholder="Note (optional)" aria-label="Receipt note" maxLength={2000} />
            </Form.Control>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
    </FormDrawer>
  )
}
