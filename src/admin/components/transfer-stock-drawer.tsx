import { Plus, Trash } from "@medusajs/icons"
import {
  Alert,
  Button,
  Drawer,
  Hint,
  IconButton,
  Input,
  Label,
  Select,
  Switch,
  Text,
} from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import type { CreateStockTransferBody } from "../lib/types"
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

type Line = { key: number; inventoryItemId: string; quantity: string }

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
  const [destination, setDestination] = useState("")
  const [reference, setReference] = useState("")
  const [inTransit, setInTransit] = useState(false)
  const [expectedAt, setExpectedAt] = useState("")
  const [lines, setLines] = useState<Line[]>([{ key: 0, inventoryItemId: "", quantity: "" }])
  const [touched, setTouched] = useState(false)

  useEffect(() => {
    if (open) {
      setDestination("")
      setReference("")
      setInTransit(false)
      setExpectedAt("")
      setLines([{ key: 0, inventoryItemId: "", quantity: "" }])
      setTouched(false)
    }
  }, [open])

  const lineError = (line: Line) => {
    if (!line.inventoryItemId) {
      return "Choose an item"
    }
    const quantityError = validateQuantity(line.quantity)
    if (quantityError) {
      return quantityError
    }
    return Number(line.quantity) < 0 ? "Transfer a positive quantity" : null
  }
  const destinationError = destination ? null : "Choose where the stock goes"
  const duplicate =
    new Set(lines.map((line) => line.inventoryItemId)).size !== lines.length
      ? "Each item can appear once"
      : null

  const update = (key: number, patch: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)))

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (destinationError || duplicate || lines.some(lineError)) {
      return
    }
    onSubmit({
      source_location_id: sourceLocationId,
      destination_location_id: destination,
      reference: reference.trim() || undefined,
      ...(inTransit ? { in_transit: true, expected_at: expectedAt || undefined } : {}),
      items: lines.map((line) => ({
        inventory_item_id: line.inventoryItemId,
        quantity: Number(line.quantity),
      })),
    })
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>Transfer stock</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Takes units out of <strong>{sourceLocationName}</strong> and adds them to
              another location, recorded as a transfer out and a transfer in.
            </Text>
            {serverError && (
              <Alert variant="error" dismissible={false} data-testid="transfer-stock-error">
                {serverError}
              </Alert>
            )}
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="transfer-destination">
                To location
              </Label>
              <Select value={destination} onValueChange={setDestination}>
                <Select.Trigger id="transfer-destination" aria-label="To location">
                  <Select.Value placeholder="Choose a location" />
                </Select.Trigger>
                <Select.Content>
                  {destinations.map((location) => (
                    <Select.Item key={location.id} value={location.id}>
                      {location.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              {touched && destinationError && <Hint variant="error">{destinationError}</Hint>}
            </div>
            <div className="flex flex-col gap-y-3">
              <Label size="small" weight="plus">
                Items
              </Label>
              {lines.map((line, index) => {
                const available = items.find(
                  (item) => item.inventoryItemId === line.inventoryItemId
                )
                const error = touched ? lineError(line) : null
                return (
                  <div key={line.key} className="flex flex-col gap-y-1">
                    <div className="flex items-center gap-x-2">
                      <div className="flex-1">
                        <Select
                          value={line.inventoryItemId}
                          onValueChange={(value) => update(line.key, { inventoryItemId: value })}
                        >
                          <Select.Trigger aria-label={`Item ${index + 1}`}>
                            <Select.Value placeholder="Choose an item" />
                          </Select.Trigger>
                          <Select.Content>
                            {items.map((item) => (
                              <Select.Item key={item.inventoryItemId} value={item.inventoryItemId}>
                                {item.label}
                              </Select.Item>
                            ))}
                          </Select.Content>
                        </Select>
                      </div>
                      <Input
                        className="w-24"
                        aria-label={`Quantity ${index + 1}`}
                        inputMode="numeric"
                        placeholder="Qty"
                        value={line.quantity}
                        onChange={(event) => update(line.key, { quantity: event.target.value })}
                      />
                      <IconButton
                        type="button"
                        variant="transparent"
                        aria-label="Remove item"
                        disabled={lines.length === 1}
                        onClick={() =>
                          setLines((current) => current.filter((entry) => entry.key !== line.key))
                        }
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
              {touched && duplicate && <Hint variant="error">{duplicate}</Hint>}
              <div>
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  onClick={() =>
                    setLines((current) => [
                      ...current,
                      { key: Math.max(...current.map((line) => line.key)) + 1, inventoryItemId: "", quantity: "" },
                    ])
                  }
                >
                  <Plus />
                  Add item
                </Button>
              </div>
            </div>
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus" htmlFor="transfer-reference">
                Reference <span className="text-ui-fg-muted font-normal">(optional)</span>
              </Label>
              <Input
                id="transfer-reference"
                placeholder="e.g. TR-1042"
                value={reference}
                maxLength={200}
                onChange={(event) => setReference(event.target.value)}
              />
            </div>
            <div className="flex flex-col gap-y-2">
              <div className="flex items-center gap-x-2">
                <Switch id="transfer-in-transit" checked={inTransit} onCheckedChange={setInTransit} />
                <Label size="small" weight="plus" htmlFor="transfer-in-transit">
                  In transit
                </Label>
              </div>
              <Hint>
                {inTransit
                  ? "The stock leaves now and counts as incoming at the destination until you receive the transfer."
                  : "The stock arrives at the destination at once."}
              </Hint>
              {inTransit && (
                <Input
                  id="transfer-expected-at"
                  type="date"
                  aria-label="Expected on"
                  value={expectedAt}
                  onChange={(event) => setExpectedAt(event.target.value)}
                />
              )}
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={isPending}>
              Transfer
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
