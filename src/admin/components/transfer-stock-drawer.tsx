import { zodResolver } from "@hookform/resolvers/zod"
import { Plus, Trash } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Label, Select, Switch } from "@medusajs/ui"
import { useEffect } from "react"
import { useFieldArray, useForm, useWatch } from "react-hook-form"
import { z } from "zod/v4"
import type { CreateStockTransferBody } from "../lib/types"
import { Form, listErrorMessage } from "./form"
import { FormDrawer } from "./form-drawer"
import { validateQuantity } from "./move-stock-drawer"

export type TransferItemOption = {
  inventoryItemId: string
  label: string
  countOnHand: number
}

export type TransferStockDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  sourceLocationName: string
  sourceLocationId: string
  destinations: { id: string; name: string }[]
  items: TransferItemOption[]
  isPending: boolean
  serverError: string | null
  onSubmit: (body: CreateStockTransferBody) => void
}

const transferLineSchema = z.object({
  inventory_item_id: z.string().min(1, "Choose an item"),
  quantity: z.string().superRefine((raw, ctx) => {
    const message = validateQuantity(raw) ?? (Number(raw) < 0 ? "Transfer a positive quantity" : null)
    if (message) {
      ctx.addIssue({ code: "custom", message })
    }
  }),
})

const transferSchema = z
  .object({
    destination_location_id: z.string().min(1, "Choose where the stock goes"),
    items: z.array(transferLineSchema).min(1),
    reference: z.string().max(200),
    in_transit: z.boolean(),
    expected_at: z.string(),
  })
  .superRefine((values, ctx) => {
    const ids = values.items.map((line) => line.inventory_item_id)
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", path: ["items"], message: "Each item can appear once" })
    }
  })

type TransferFormValues = z.infer<typeof transferSchema>

const emptyLine = () => ({ inventory_item_id: "", quantity: "" })
const emptyTransfer = (): TransferFormValues => ({
  destination_location_id: "",
  items: [emptyLine()],
  reference: "",
  in_transit: false,
  expected_at: "",
})

/** Moves units of one or more items from this location to another one. */
export const TransferStockDrawer = ({
  open,
  onOpenChange,
  sourceLocationName,
  sourceLocationId,
  destinations,
  items,
  isPending,
  serverError,
  onSubmit,
}: TransferStockDrawerProps) => {
  const form = useForm<TransferFormValues>({
    defaultValues: emptyTransfer(),
    resolver: zodResolver(transferSchema),
  })
  const lines = useFieldArray({ control: form.control, name: "items" })

  useEffect(() => {
    if (open) {
      form.reset(emptyTransfer())
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const [chosenItems, inTransit] = useWatch({ control: form.control, name: ["items", "in_transit"] })
  const itemErrors = form.formState.errors.items

  // A change to one line can make or clear the list's duplicate error.
  const revalidateLines = () => {
    if (form.formState.isSubmitted) {
      void form.trigger()
    }
  }

  const handleSubmit = form.handleSubmit((values) =>
    onSubmit({
      source_location_id: sourceLocationId,
      destination_location_id: values.destination_location_id,
      reference: values.reference.trim() || undefined,
      ...(values.in_transit ? { in_transit: true, expected_at: values.expected_at || undefined } : {}),
      items: values.items.map((line) => ({
        inventory_item_id: line.inventory_item_id,
        quantity: Number(line.quantity),
      })),
    })
  )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      onSubmit={handleSubmit}
      title="Transfer stock"
      description={
        <>
          Takes units out of <strong>{sourceLocationName}</strong> and adds them to another
          location, recorded as a transfer out and a transfer in.
        </>
      }
      submitLabel="Transfer"
      isPending={isPending}
      serverError={serverError}
      serverErrorTestId="transfer-stock-error"
    >
      <Form.Field
        control={form.control}
        name="destination_location_id"
        render={({ field: { value, onChange, ref } }) => (
          <Form.Item controlId="transfer-destination">
            <Form.Label>To location</Form.Label>
            <Select value={value} onValueChange={onChange}>
              <Form.Control>
                <Select.Trigger ref={ref} aria-label="To location">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
              </Form.Control>
              <Select.Content>
                {destinations.map((location) => (
                  <Select.Item key={location.id} value={location.id}>
                    {location.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
      <div className="flex flex-col gap-y-3">
        <Label size="small" weight="plus">
          Items
        </Label>
        {lines.fields.map((line, index) => {
          const chosen = chosenItems[index]?.inventory_item_id
          const available = items.find((item) => item.inventoryItemId === chosen)
          const lineErrors = itemErrors?.[index]
          const error = lineErrors?.inventory_item_id?.message ?? lineErrors?.quantity?.message
          return (
            <div key={line.id} className="flex flex-col gap-y-1">
              <div className="flex items-center gap-x-2">
                <div className="flex-1">
                  <Form.Field
                    control={form.control}
                    name={`items.${index}.inventory_item_id`}
                    render={({ field: { value, onChange, ref } }) => (
                      <Form.Item>
                        <Select
                          value={value}
                          onValueChange={(next) => {
                            onChange(next)
                            revalidateLines()
                          }}
                        >
                          <Form.Control>
                            <Select.Trigger ref={ref} aria-label={`Item ${index + 1}`}>
                              <Select.Value placeholder="Choose an item" />
                            </Select.Trigger>
                          </Form.Control>
                          <Select.Content>
                            {items.map((item) => (
                              <Select.Item key={item.inventoryItemId} value={item.inventoryItemId}>
                                {item.label}
                              </Select.Item>
                            ))}
                          </Select.Content>
                        </Select>
                      </Form.Item>
                    )}
                  />
                </div>
                <Form.Field
                  control={form.control}
                  name={`items.${index}.quantity`}
                  render={({ field }) => (
                    <Form.Item>
                      <Form.Control>
                        <Input
                          {...field}
                          className="w-24"
                          aria-label={`Quantity ${index + 1}`}
                          inputMode="numeric"
                          placeholder="Qty"
                        />
                      </Form.Control>
                    </Form.Item>
                  )}
                />
                <IconButton
                  type="button"
                  variant="transparent"
                  aria-label="Remove item"
                  disabled={lines.fields.length === 1}
                  onClick={() => {
                    lines.remove(index)
                    revalidateLines()
                  }}
                >
                  <Trash />
                </IconButton>
              </div>
              {error ? (
                <Hint variant="error">{error}</Hint>
              ) : available ? (
                <Hint>{available.countOnHand} available here</Hint>
              ) : null}
            </div>
          )
        })}
        {listErrorMessage(itemErrors) && <Hint variant="error">{listErrorMessage(itemErrors)}</Hint>}
        <div>
          <Button type="button" size="small" variant="secondary" onClick={() => lines.append(emptyLine())}>
            <Plus />
            Add item
          </Button>
        </div>
      </div>
      <Form.Field
        control={form.control}
        name="reference"
        render={({ field }) => (
          <Form.Item controlId="transfer-reference">
            <Form.Label optional>Reference</Form.Label>
            <Form.Control>
              <Input {...field} placeholder="e.g. TR-1042" maxLength={200} />
            </Form.Control>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
      <div className="flex flex-col gap-y-2">
        <Form.Field
          control={form.control}
          name="in_transit"
          render={({ field: { value, onChange, ref } }) => (
            <Form.Item className="flex-row items-center gap-x-2 gap-y-0" controlId="transfer-in-transit">
              <Form.Control>
                <Switch ref={ref} checked={value} onCheckedChange={onChange} />
              </Form.Control>
              <Form.Label>In transit</Form.Label>
            </Form.Item>
          )}
        />
        <Hint>
          {inTransit
            ? "The stock leaves now and counts as incoming at the destination until you receive the transfer."
            : "The stock arrives at the destination at once."}
        </Hint>
        {inTransit && (
          <Form.Field
            control={form.control}
            name="expected_at"
            render={({ field }) => (
              <Form.Item controlId="transfer-expected-at">
                <Form.Control>
                  <Input {...field} type="date" aria-label="Expected on" />
                </Form.Control>
              </Form.Item>
            )}
          />
        )}
      </div>
    </FormDrawer>
  )
}
