import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import type { EntityManagerLike } from "../ledger/sql"
import { placeholders } from "../ledger/sql"
import type {
  CreatePurchaseOrderInput,
  PurchaseOrderEditUndo,
  PurchaseOrderLineInput,
  PurchaseOrderState,
  UpdatePurchaseOrderInput,
} from "../types"

export type LockedPurchaseOrder = {
  id: string
  number: string
  state: PurchaseOrderState
  location_id: string
}

/**
 * Locks a purchase order row for the transaction, so receipts, edits and
 * cancels of one order run one after the other. Unknown id: NOT_FOUND.
 */
export async function lockPurchaseOrder(
  manager: EntityManagerLike,
  id: string
): Promise<LockedPurchaseOrder> {
  const [row] = await manager.execute(
    `SELECT id, number, state, location_id FROM purchase_order
      WHERE id = ? AND deleted_at IS NULL
        FOR UPDATE`,
    [id]
  )
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase order ${id} not found`)
  }
  return row
}

async function insertItems(manager: EntityManagerLike, purchaseOrderId: string, items: PurchaseOrderLineInput[]) {
  // One millisecond apart, so the items read back in the order given.
  const params = items.flatMap((item, index) => {
    const cost = item.unit_cost ?? null
    return [
      generateEntityId(undefined, "poitem"),
      purchaseOrderId,
      item.inventory_item_id,
      item.variant_id ?? null,
      item.quantity,
      cost,
      cost === null ? null : JSON.stringify({ value: String(cost), precision: 20 }),
      index,
    ]
  })
  await manager.execute(
    `INSERT INTO purchase_order_item
       (id, purchase_order_id, inventory_item_id, variant_id, quantity, unit_cost, raw_unit_cost, created_at)
     VALUES ${placeholders(items.length, "(?, ?, ?, ?, ?, ?, ?, now() + ?::int * interval '1 millisecond')")}`,
    params
  )
}

/**
 * Writes a purchase order (draft, or ordered when asked) and its items; the
 * number is the next of its sequence. Returns the new order's id.
 */
export async function createPurchaseOrder(
  { manager }: ActionContext,
  input: CreatePurchaseOrderInput
): Promise<string> {
  const id = generateEntityId(undefined, "po")
  const [{ next }] = await manager.execute(`SELECT nextval('purchase_order_number_seq') AS next`)
  await manager.execute(
    `INSERT INTO purchase_order
       (id, number, supplier, reference, location_id, state, expected_at, note, currency_code,
        created_by, ordered_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${input.ordered ? "now()" : "NULL"})`,
    [
      id,
      `PO-${next}`,
      input.supplier,
      input.reference ?? null,
      input.location_id,
      input.ordered ? "ordered" : "draft",
      input.expected_at ?? null,
      input.note ?? null,
      input.currency_code ?? null,
      input.created_by ?? null,
    ]
  )
  await insertItems(manager, id, input.items)
  return id
}

const DRAFT_ONLY_FIELDS = ["items", "supplier", "location_id", "currency_code"] as const
const OPEN_FIELDS = ["expected_at", "note", "reference"] as const

/**
 * Edits a purchase order: anything while draft; only the expected date,
 * note and reference once ordered; nothing once received or canceled.
 * Items given replace the order's items. Returns what it replaced, for
 * `restorePurchaseOrderEdit`.
 */
export async function updatePurchaseOrder(
  { manager }: ActionContext,
  input: UpdatePurchaseOrderInput
): Promise<PurchaseOrderEditUndo> {
  const order = await lockPurchaseOrder(manager, input.id)
  const given = (field: string) => (input as Record<string, unknown>)[field] !== undefined
  if (order.state !== "draft") {
    const open = order.state === "ordered" || order.state === "partially_received"
    const refused = open ? DRAFT_ONLY_FIELDS.filter(given) : [...DRAFT_ONLY_FIELDS, ...OPEN_FIELDS].filter(given)
    if (refused.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase order ${order.number} is ${order.state}: ${refused.join(", ")} can ${open ? "only be changed while it is a draft" : "no longer be changed"}`
      )
    }
  }
  const fields = ["supplier", "location_id", "currency_code", ...OPEN_FIELDS].filter(given)
  const undo: PurchaseOrderEditUndo = { id: order.id, fields: {}, items: null }
  if (fields.length) {
    const [previous] = await manager.execute(`SELECT ${fields.join(", ")} FROM purchase_order WHERE id = ?`, [order.id])
    undo.fields = previous
    await setFields(manager, order.id, fields, input as Record<string, unknown>)
  }
  if (input.items) {
    undo.items = await manager.execute(`SELECT * FROM purchase_order_item WHERE purchase_order_id = ?`, [order.id])
    await manager.execute(`DELETE FROM purchase_order_item WHERE purchase_order_id = ?`, [order.id])
    await insertItems(manager, order.id, input.items)
  }
  return undo
}

async function setFields(manager: EntityManagerLike, id: string, fields: string[], values: Record<string, unknown>) {
  await manager.execute(
    `UPDATE purchase_order SET ${fields.map((field) => `${field} = ?`).join(", ")}, updated_at = now() WHERE id = ?`,
    [...fields.map((field) => values[field] ?? null), id]
  )
}

/**
 * Puts back what an edit replaced when its workflow failed after it: the
 * fields as they were and, when the edit replaced the items, the very rows
 * it removed (a draft's items: nothing was received against them).
 */
export async function restorePurchaseOrderEdit({ manager }: ActionContext, undo: PurchaseOrderEditUndo) {
  await lockPurchaseOrder(manager, undo.id)
  const fields = Object.keys(undo.fields).filter((field) => ["supplier", "location_id", "currency_code", ...OPEN_FIELDS].includes(field as any))
  if (fields.length) {
    await setFields(manager, undo.id, fields, undo.fields)
  }
  if (undo.items) {
    await manager.execute(`DELETE FROM purchase_order_item WHERE purchase_order_id = ?`, [undo.id])
    for (const row of undo.items) {
      const columns = Object.keys(row)
      await manager.execute(
        `INSERT INTO purchase_order_item (${columns.join(", ")}) VALUES (${placeholders(columns.length)})`,
        columns.map((column) => {
          const value = row[column]
          return value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value
        })
      )
    }
  }
}

/** A draft becomes ordered: from now on its outstanding goods are incoming. */
export async function orderPurchaseOrder({ manager }: ActionContext, id: string) {
  const order = await lockPurchaseOrder(manager, id)
  if (order.state !== "draft") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Purchase order ${order.number} is ${order.state}: only a draft can be ordered`
    )
  }
  await manager.execute(
    `UPDATE purchase_order SET state = 'ordered', ordered_at = now(), updated_at = now() WHERE id = ?`,
    [id]
  )
}

/**
 * Cancels a draft, ordered or partially received order: what was received
 * stays, nothing is outstanding after. Returns the state it had.
 */
export async function cancelPurchaseOrder({ manager }: ActionContext, id: string): Promise<PurchaseOrderState> {
  const order = await lockPurchaseOrder(manager, id)
  if (order.state === "received" || order.state === "canceled") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Purchase order ${order.number} is ${order.state} and cannot be canceled`
    )
  }
  await manager.execute(
    `UPDATE purchase_order SET state = 'canceled', closed_at = now(), updated_at = now() WHERE id = ?`,
    [id]
  )
  return order.state
}
