import { zodResolver } from "@hookform/resolvers/zod"
import { Trash } from "@medusajs/icons"
import { Hint, IconButton, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { useFieldArray, useForm } from "react-hook-form"
import { z } from "zod/v4"
import type { CreatePurchaseOrderBody } from "../lib/types"
import { Form, listErrorMessage } from "./form"
import { FormDrawer } from "./form-drawer"
import { InventoryItemPicker } from "./inventory-item-picker"

export type PurchaseOrderCreateDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  locations: { id: string; name: string }[]
  isPending: boolean
  serverError?: string
  onSubmit: (body: CreatePurchaseOrderBody) => void
}

const purchaseOrderLineSchema = z.object({
  inventory_item_id: z.string(),
  title: z.string().nullable(),
  sku: z.string().nullable(),
  quantity: z.string().regex(/^\d+$/, "A whole number of at least 1").refine((value) => Number(value) > 0, "A whole number of at least 1"),
  unit_cost: z.string().regex(/^(\d+(\.\d+)?)?$/, "A number of 0 or more, like 4.50"),
})

const purchaseOrderSchema = z.object({
  supplier: z.string().trim().min(1, "Give the supplier").max(200),
  location_id: z.string().min(1, "Choose where the goods go"),
  items: z.array(purchaseOrderLineSchema).min(1, "Add at least one item"),
  expected_at: z.string(),
  reference: z.string().max(200),
  ordered: z.boolean(),
})

type PurchaseOrderFormValues = z.infer<typeof purchaseOrderSchema>

/** A new purchase order: supplier, destination, items found by SKU or title, date. */
export const PurchaseOrderCreateDrawer = ({
  open,
  onOpenChange,
  locations,
  isPending,
  serverError,
  onSubmit,
}: PurchaseOrderCreateDrawerProps) => {
  const form = useForm<PurchaseOrderFormValues>({
    defaultValues: { supplier: "", location_id: "", items: [], expected_at: "", reference: "", ordered: true },
    resolver: zodResolver(purchaseOrderSchema),
  })
  const lines = useFieldArray({ control: form.control, name: "items" })

  useEffect(() => {
    if (open) {
      form.reset({
        supplier: "",
        location_id: locations[0]?.id ?? "",
        items: [],
        expected_at: "",
        reference: "",
        ordered: true,
      })
    }
    // Reset only when the drawer opens, not when the locations refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const itemErrors = form.formState.errors.items
  // Adding or removing a line can make or clear "Add at least one item".
  const revalidateLines = () => {
    if (form.formState.isSubmitted) {
      void form.trigger()
    }
  }

  const handleSubmit = form.handleSubmit((values) =>
    onSubmit({
      supplier: values.supplier.trim(),
      location_id: values.location_id,
      expected_at: values.expected_at || undefined,
      reference: values.reference.trim() || undefined,
      ordered: values.ordered,
      items: values.items.map((line) => ({
        inventory_item_id: line.inventory_item_id,
        quantity: Number(line.quantity),
        ...(line.unit_cost ? { unit_cost: Number(line.unit_cost) } : {}),
      })),
    })
  )

  return (
    <FormDrawer
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      onSubmit={handleSubmit}
      title="New purchase order"
      submitLabel="Create"
      isPending={isPending}
      serverError={serverError}
      formTestId="purchase-order-form"
      bodyClassName="gap-y-4"
    >
      <Form.Field
        control={form.control}
        name="supplier"
        render={({ field }) => (
          <Form.Item controlId="po-supplier">
            <Form.Label>Supplier</Form.Label>
            <Form.Control>
              <Input {...field} maxLength={200} />
            </Form.Control>
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
      <Form.Field
        control={form.control}
        name="location_id"
        render={({ field: { value, onChange, ref } }) => (
          <Form.Item>
            <Form.Label>Deliver to</Form.Label>
            <Select value={value} onValueChange={onChange}>
              <Form.Control>
                <Select.Trigger ref={ref} aria-label="Deliver to">
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
            <Form.ErrorMessage />
          </Form.Item>
        )}
      />
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          Items
        </Label>
        {lines.fields.map((line, index) => {
          const name = line.sku ?? line.title ?? line.inventory_item_id
          const lineErrors = itemErrors?.[index]
          const error = lineErrors?.quantity?.message ?? lineErrors?.unit_cost?.message
          return (
            <div key={line.id} className="flex flex-col gap-y-1" data-testid="po-line">
              <div className="flex items-end gap-x-2">
                <div className="flex min-w-0 flex-1 flex-col">
                  <Text size="small" leading="compact" weight="plus" className="truncate">
                    {line.title ?? line.inventory_item_id}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {line.sku ?? line.inventory_item_id}
                  </Text>
                </div>
                <Form.Field
                  control={form.control}
                  name={`items.${index}.quantity`}
                  render={({ field }) => (
                    <Form.Item>
                      <Form.Control>
                        <Input
                          {...field}
                          className="w-20"
                          size="small"
                          aria-label={`Quantity of ${name}`}
                          inputMode="numeric"
                        />
                      </Form.Control>
                    </Form.Item>
                  )}
                />
                <Form.Field
                  control={form.control}
                  name={`items.${index}.unit_cost`}
                  render={({ field }) => (
                    <Form.Item>
                      <Form.Control>
                        <Input
                          {...field}
                          className="w-24"
                          size="small"
                          aria-label={`Unit cost of ${name}`}
                          placeholder="Unit cost"
                          inputMode="decimal"
                        />
                      </Form.Control>
                    </Form.Item>
                  )}
                />
                <IconButton
                  type="button"
                  size="small"
                  variant="transparent"
                  aria-label="Remove item"
                  onClick={() => {
                    lines.remove(index)
                    revalidateLines()
                  }}
                >
                  <Trash />
                </IconButton>
              </div>
              {error && <Hint variant="error">{error}</Hint>}
            </div>
          )
        })}
        <InventoryItemPicker
          onPick={(item) => {
            if (form.getValues("items").some((line) => line.inventory_item_id === item.id)) {
              return
            }
            lines.append({ inventory_item_id: item.id, title: item.title, sku: item.sku, quantity: "1", unit_cost: "" })
            revalidateLines()
          }}
        />
        {listErrorMessage(itemErrors) && <Hint variant="error">{listErrorMessage(itemErrors)}</Hint>}
      </div>
      <div className="grid grid-cols-2 gap-x-4">
        <Form.Field
          control={form.control}
          name="expected_at"
          render={({ field }) => (
            <Form.Item controlId="po-expected">
              <Form.Label optional>Expected on</Form.Label>
              <Form.Control>
                <Input {...field} type="date" />
              </Form.Control>
              <Form.ErrorMessage />
            </Form.Item>
          )}
        />
        <Form.Field
          control={form.control}
          name="reference"
          render={({ field }) => (
            <Form.Item controlId="po-reference">
              <Form.Label optional>Reference</Form.Label>
              <Form.Control>
                <Input {...field} maxLength={200} />
              </Form.Control>
              <Form.ErrorMessage />
            </Form.Item>
          )}
        />
      </div>
      <Form.Field
        control={form.control}
        name="ordered"
        render={({ field: { value, onChange, ref } }) => (
          <Form.Item className="flex-row items-center gap-x-2 gap-y-0" controlId="po-ordered">
            <Form.Control>
              <Switch ref={ref} checked={value} onCheckedChange={onChange} />
            </Form.Control>
            <Form.Label weight="regular">Placed with the supplier (ordered) — off keeps it a draft</Form.Label>
          </Form.Item>
        )}
      />
    </FormDrawer>
  )
}
