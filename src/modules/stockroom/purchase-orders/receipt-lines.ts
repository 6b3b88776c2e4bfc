import { MedusaError } from "@medusajs/framework/utils"
import type { ReceiptLineInput } from "../types"

/** An item that can receive goods: what it ordered and what has arrived or been refused. */
export type ReceivableItem = {
  id: string
  inventory_item_id: string
  quantity: number
  received_quantity: number
  rejected_quantity: number
}

export type CheckedReceiptLine = {
  item: ReceivableItem
  accepted: number
  rejected: number
  rejection_reason: string | null
}

export const outstandingOf = (item: ReceivableItem) =>
  item.quantity - item.received_quantity - item.rejected_quantity

export function receivableItem(row: Record<string, unknown>): ReceivableItem {
  return {
    id: String(row.id),
    inventory_item_id: String(row.inventory_item_id),
    quantity: Number(row.quantity),
    received_quantity: Number(row.received_quantity),
    rejected_quantity: Number(row.rejected_quantity),
  }
}

/**
 * Matches a receipt's lines to the items (under the caller's lock) and
 * refuses, naming the item, a line for an item that is not there, one that
 * accepts and rejects nothing, or one that exceeds what is outstanding.
 * Without lines, everything outstanding is accepted.
 */
export function checkReceiptLines(
  what: string,
  items: ReceivableItem[],
  lines: ReceiptLineInput[] | undefined
): CheckedReceiptLine[] {
  const byInventoryItem = new Map(items.map((item) => [item.inventory_item_id, item]))
  const requested: ReceiptLineInput[] =
    lines ??
    items
      .filter((item) => outstandingOf(item) > 0)
      .map((item) => ({ inventory_item_id: item.inventory_item_id, accepted: outstandingOf(item) }))
  const checked: CheckedReceiptLine[] = []
  for (const line of requested) {
    const item = byInventoryItem.get(line.inventory_item_id)
    if (!item) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Inventory item ${line.inventory_item_id} is not on ${what}`
      )
    }
    const accepted = line.accepted
    const rejected = line.rejected ?? 0
    if (accepted + rejected <= 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Inventory item ${item.inventory_item_id} on ${what}: a receipt line must accept or reject at least one unit`
      )
    }
    const outstanding = outstandingOf(item)
    if (accepted + rejected > outstanding) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot receive ${accepted + rejected} of inventory item ${item.inventory_item_id} on ${what}: only ${outstanding} outstanding`
      )
    }
    checked.push({ item, accepted, rejected, rejection_reason: line.rejection_reason ?? null })
  }
  if (!checked.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Nothing is outstanding on ${what}`)
  }
  return checked
}
