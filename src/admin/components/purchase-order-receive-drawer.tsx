import { Alert, Button, Drawer, Input, Table, Text } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import type { PurchaseOrder, ReceiptLineBody } from "../lib/types"

type Entry = { accepted: string; rejected: string; reason: string }

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
  const [entries, setEntries] = useState<Record<string, Entry>>({})
  const [note, setNote] = useState("")
  const [touched, setTouched] = useState(false)

  useEffect(() => {
    if (open) {
      setEntries(Object.fromEntries(items.map((item) => [item.id, { accepted: String(outstandingOf(item)), rejected: "", reason: "" }])))
      setNote("")
      setTouched(false)
    }
  }, [open])

  const lineError = (item: (typeof items)[number]) => {
    const entry = entries[item.id]
    if (!entry) {
      return null
    }
    const accepted = asCount(entry.accepted)
    const rejected = asCount(entry.rejected)
    if (!Number.isInteger(accepted) || !Number.isInteger(rejected) || accepted < 0 || rejected < 0) {
      return "Whole numbers, not negative"
    }
    if (accepted + rejected > outstandingOf(item)) {
      return `Only ${outstandingOf(item)} outstanding`
    }
    return null
  }
  const lines = items
    .map((item) => ({ item, entry: entries[item.id] }))
    .filter(({ entry }) => entry && asCount(entry.accepted) + asCount(entry.rejected) > 0)
  const invalid = items.some(lineError) || !lines.length

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    if (invalid) {
      return
    }
    onSubmit({
      note: note.trim() || undefined,
      items: lines.map(({ item, entry }) => ({
        inventory_item_id: item.inventory_item_id,
        accepted: asCount(entry!.accepted),
        ...(asCount(entry!.rejected) ? { rejected: asCount(entry!.rejected), rejection_reason: entry!.reason.trim() || undefined } : {}),
      })),
    })
  }

  const set = (id: string, patch: Partial<Entry>) => setEntries((current) => ({ ...current, [id]: { ...current[id], ...patch } }))

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden" data-testid="receive-form">
          <Drawer.Header>
            <Drawer.Title>Receive {purchaseOrder.number}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {serverError && <Alert variant="error" dismissible>{serverError}</Alert>}
            {touched && !lines.length && <Alert variant="warning">Enter what arrived or was refused for at least one item.</Alert>}
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
                {items.map((item) => {
                  const entry = entries[item.id] ?? { accepted: "", rejected: "", reason: "" }
                  const label = itemLabels[item.inventory_item_id] ?? item.inventory_item_id
                  const error = lineError(item)
                  return (
                    <Table.Row key={item.id} data-inventory-item-id={item.inventory_item_id}>
                      <Table.Cell>
                        <Text size="small" leading="compact" className="max-w-[200px] truncate">{label}</Text>
                        <Text size="xsmall" leading="compact" className="text-ui-fg-muted text-nowrap" data-column="counts">
                          {item.quantity} ordered · {item.received_quantity} received · {item.rejected_quantity} rejected
                        </Text>
                        {error && <Text size="xsmall" className="text-ui-fg-error">{error}</Text>}
                      </Table.Cell>
                      <Table.Cell className="text-right tabular-nums" data-column="outstanding">{outstandingOf(item)}</Table.Cell>
                      <Table.Cell>
                        <Input size="small" className="w-16" aria-label={`Accept ${label}`} inputMode="numeric" disabled={!outstandingOf(item)} value={entry.accepted} onChange={(event) => set(item.id, { accepted: event.target.value })} />
                      </Table.Cell>
                      <Table.Cell>
                        <div className="flex gap-x-1">
                          <Input size="small" className="w-16" aria-label={`Reject ${label}`} inputMode="numeric" disabled={!outstandingOf(item)} value={entry.rejected} onChange={(event) => set(item.id, { rejected: event.target.value })} />
                          {asCount(entry.rejected) > 0 && (
                            <Input size="small" className="w-24" aria-label={`Why ${label} was rejected`} placeholder="Reason" value={entry.reason} onChange={(event) => set(item.id, { reason: event.target.value })} />
                          )}
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table>
            <Input placeholder="Note (optional)" aria-label="Receipt note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">Cancel</Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={isPending}>Receive</Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
