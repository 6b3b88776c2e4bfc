import { Trash } from "@medusajs/icons"
import { Alert, Button, Drawer, IconButton, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import type { CreatePurchaseOrderBody } from "../lib/types"
import { InventoryItemPicker, type PickedInventoryItem } from "./inventory-item-picker"

type Line = PickedInventoryItem & { quantity: string; unitCost: string }

export type PurchaseOrderCreateDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  locations: { id: string; name: string }[]
  isPending: boolean
  serverError?: string
  onSubmit: (body: CreatePurchaseOrderBody) => void
}

const isWhole = (value: string) => /^\d+$/.test(value) && Number(value) > 0

/** A new purchase order: supplier, destination, items found by SKU or title, date. */
export const PurchaseOrderCreateDrawer = ({
  open,
  onOpenChange,
  locations,
  isPending,
  serverError,
  onSubmit,
}: PurchaseOrderCreateDrawerProps) => {
  const [supplier, setSupplier] = useState("")
  const [locationId, setLocationId] = useState("")
  const [expectedAt, setExpectedAt] = useState("")
  const [reference, setReference] = useState("")
  const [ordered, setOrdered] = useState(true)
  const [lines, setLines] = useState<Line[]>([])
  const [touched, setTouched] = useState(false)

  useEffect(() => {
    if (open) {
      setSupplier("")
      setLocationId(locations[0]?.id ?? "")
      setExpectedAt("")
      setReference("")
      setOrdered(true)
      setLines([])
      setTouched(false)
    }
  }, [open])

  const problems = [
    !supplier.trim() && "Give the supplier.",
    !locationId && "Choose where the goods go.",
    !lines.length && "Add at least one item.",
    lines.some((line) => !isWhole(line.quantity)) && "Every quantity must be a whole number of at least 1.",
  ].filter(Boolean) as string[]

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (problems.length) {
      return
    }
    onSubmit({
      supplier: supplier.trim(),
      location_id: locationId,
      expected_at: expectedAt || undefined,
      reference: reference.trim() || undefined,
      ordered,
      items: lines.map((line) => ({
        inventory_item_id: line.id,
        quantity: Number(line.quantity),
        ...(line.unitCost ? { unit_cost: Number(line.unitCost) } : {}),
      })),
    })
  }

  const update = (id: string, patch: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.id === id ? { ...line, ...patch } : line)))

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid="purchase-order-form">
          <Drawer.Header>
            <Drawer.Title>New purchase order</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {serverError && <Alert variant="error" dismissible>{serverError}</Alert>}
            {touched && problems.length > 0 && <Alert variant="warning">{problems.join(" ")}</Alert>}
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="po-supplier">Supplier</Label>
              <Input id="po-supplier" value={supplier} maxLength={200} onChange={(event) => setSupplier(event.target.value)} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">Deliver to</Label>
              <Select value={locationId} onValueChange={setLocationId}>
                <Select.Trigger aria-label="Deliver to">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
                <Select.Content>
                  {locations.map((location) => (
                    <Select.Item key={location.id} value={location.id}>{location.name}</Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">Items</Label>
              {lines.map((line) => (
                <div key={line.id} className="flex items-end gap-x-2" data-testid="po-line">
                  <div className="flex min-w-0 flex-1 flex-col">
                    <Text size="small" leading="compact" weight="plus" className="truncate">{line.title ?? line.id}</Text>
                    <Text size="xsmall" className="text-ui-fg-muted">{line.sku ?? line.id}</Text>
                  </div>
                  <Input
                    className="w-20"
                    size="small"
                    aria-label={`Quantity of ${line.sku ?? line.title ?? line.id}`}
                    inputMode="numeric"
                    value={line.quantity}
                    onChange={(event) => update(line.id, { quantity: event.target.value })}
                  />
                  <Input
                    className="w-24"
                    size="small"
                    aria-label={`Unit cost of ${line.sku ?? line.title ?? line.id}`}
                    placeholder="Unit cost"
                    inputMode="decimal"
                    value={line.unitCost}
                    onChange={(event) => update(line.id, { unitCost: event.target.value })}
                  />
                  <IconButton
                    type="button"
                    size="small"
                    variant="transparent"
                    aria-label="Remove item"
                    onClick={() => setLines((current) => current.filter((other) => other.id !== line.id))}
                  >
                    <Trash />
                  </IconButton>
                </div>
              ))}
              <InventoryItemPicker
                onPick={(item) =>
                  setLines((current) =>
                    current.some((line) => line.id === item.id) ? current : [...current, { ...item, quantity: "1", unitCost: "" }]
                  )
                }
              />
            </div>
            <div className="grid grid-cols-2 gap-x-4">
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus" htmlFor="po-expected">Expected on <span className="text-ui-fg-muted font-normal">(optional)</span></Label>
                <Input id="po-expected" type="date" value={expectedAt} onChange={(event) => setExpectedAt(event.target.value)} />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus" htmlFor="po-reference">Reference <span className="text-ui-fg-muted font-normal">(optional)</span></Label>
                <Input id="po-reference" value={reference} maxLength={200} onChange={(event) => setReference(event.target.value)} />
              </div>
            </div>
            <div className="flex items-center gap-x-2">
              <Switch id="po-ordered" checked={ordered} onCheckedChange={setOrdered} />
              <Label size="small" htmlFor="po-ordered">Placed with the supplier (ordered) — off keeps it a draft</Label>
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">Cancel</Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={isPending}>Create</Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
