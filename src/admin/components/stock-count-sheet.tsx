import { Button, Input, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { StockCountItem } from "../lib/types"

export type StockCountSheetProps = {
  items: StockCountItem[]
  itemLabels: Record<string, string>
  /** false once the count is applied or canceled */
  editable: boolean
  isPending: boolean
  onSave: (items: { inventory_item_id: string; counted: number }[]) => void
}

const WHOLE = /^\d+$/

/**
 * The count sheet: one row per stock item, SKU first, a field for what was
 * counted. What the system expects stays hidden until an item has been
 * counted, so the count is blind.
 */
export const StockCountSheet = ({ items, itemLabels, editable, isPending, onSave }: StockCountSheetProps) => {
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  // A saved count clears what was typed for it: the recorded number shows.
  useEffect(() => setTyped({}), [items])

  const entries = Object.entries(typed).filter(([, value]) => value.trim() !== "")
  const save = () => {
    const invalid: Record<string, string> = {}
    for (const [id, value] of entries) {
      if (!WHOLE.test(value.trim())) {
        invalid[id] = "A whole number, 0 or more"
      }
    }
    setErrors(invalid)
    if (Object.keys(invalid).length || !entries.length) {
      return
    }
    onSave(entries.map(([id, value]) => ({ inventory_item_id: id, counted: Number(value.trim()) })))
  }

  return (
    <div data-testid="stock-count-sheet">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>SKU</Table.HeaderCell>
            <Table.HeaderCell>Item</Table.HeaderCell>
            <Table.HeaderCell className="w-[160px]">Counted</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Expected</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((item) => {
            const label = itemLabels[item.inventory_item_id] ?? item.inventory_item_id
            const counted = item.counted !== null && item.counted !== undefined
            return (
              <Table.Row key={item.id} data-inventory-item-id={item.inventory_item_id} data-counted={counted}>
                <Table.Cell className="font-mono">{item.sku ?? "—"}</Table.Cell>
                <Table.Cell className="max-w-[260px] truncate">{label}</Table.Cell>
                <Table.Cell>
                  {editable ? (
                    <div className="flex flex-col gap-y-1 py-1">
                      <Input
                        size="small"
                        inputMode="numeric"
                        aria-label={`Counted ${item.sku ?? label}`}
                        placeholder={counted ? String(item.counted) : "Count"}
                        value={typed[item.inventory_item_id] ?? ""}
                        aria-invalid={!!errors[item.inventory_item_id]}
                        onChange={(event) =>
                          setTyped((current) => ({ ...current, [item.inventory_item_id]: event.target.value }))
                        }
                      />
                      {errors[item.inventory_item_id] && (
                        <Text size="xsmall" className="text-ui-fg-error">
                          {errors[item.inventory_item_id]}
                        </Text>
                      )}
                    </div>
                  ) : (
                    <span className="tabular-nums">{counted ? item.counted : "—"}</span>
                  )}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-column="expected">
                  {counted ? (
                    item.expected
                  ) : (
                    <Text size="small" className="text-ui-fg-muted">
                      After counting
                    </Text>
                  )}
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {editable && (
        <div className="flex items-center justify-between px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Type what is on the shelf. Counting an item again replaces its earlier count.
          </Text>
          <Button size="small" variant="secondary" onClick={save} isLoading={isPending} disabled={!entries.length}>
            Save counts
          </Button>
        </div>
      )}
    </div>
  )
}
