import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { stockItemIdsAt } from "../ledger/locks"
import * as ledger from "../ledger/record"
import { reverseMovements } from "../ledger/reverse"
import { pairKey, placeholders } from "../ledger/sql"
import type { ApplyStockChangeInput, LedgerResult, ReceivePurchaseOrderInput } from "../types"
import { lockPurchaseOrder } from "./lifecycle"
import { checkReceiptLines, outstandingOf, receivableItem } from "./receipt-lines"

export type PurchaseOrderReceiptResult = {
  purchase_order_id: string
  receipt_id: string
  /** nothing is outstanding after this receipt */
  complete: boolean
  ledger: LedgerResult
}

/**
 * Books one delivery against a purchase order, in one transaction under a
 * lock on the order: refuses a draft or closed order and any line beyond
 * what is outstanding; writes the receipt and its lines; moves the items'
 * received and rejected counts and the order's state; books one `received`
 * movement per accepted item at the order's location (originator the
 * purchase order, actor the receiver) and fills backorders there.
 */
export async function receivePurchaseOrder(
  context: ActionContext,
  input: ReceivePurchaseOrderInput
): Promise<PurchaseOrderReceiptResult> {
  const { manager } = context
  const order = await lockPurchaseOrder(manager, input.id)
  if (order.state !== "ordered" && order.state !== "partially_received") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Purchase order ${order.number} is ${order.state}: only an ordered purchase order can receive goods`
    )
  }
  const rows = await manager.execute(
    `SELECT id, inventory_item_id, quantity, received_quantity, rejected_quantity
       FROM purchase_order_item WHERE purchase_order_id = ? AND deleted_at IS NULL ORDER BY id`,
    [order.id]
  )
  const items = rows.map(receivableItem)
  const lines = checkReceiptLines(`purchase order ${order.number}`, items, input.items)

  const receiptId = generateEntityId(undefined, "porcpt")
  for (const line of lines) {
    line.item.received_quantity += line.accepted
    line.item.rejected_quantity += line.rejected
    await manager.execute(
      `UPDATE purchase_order_item
          SET received_quantity = received_quantity + ?, rejected_quantity = rejected_quantity + ?,
              updated_at = now()
        WHERE id = ?`,
      [line.accepted, line.rejected, line.item.id]
    )
  }
  const complete = items.every((item) => outstandingOf(item) === 0)
  await manager.execute(
    `INSERT INTO purchase_order_receipt (id, purchase_order_id, received_by, note, complete)
     VALUES (?, ?, ?, ?, ?)`,
    [receiptId, order.id, input.received_by ?? null, input.note ?? null, complete]
  )
  await manager.execute(
    `INSERT INTO purchase_order_receipt_line
       (id, receipt_id, purchase_order_item_id, inventory_item_id, accepted, rejected, rejection_reason)
     VALUES ${placeholders(lines.length, "(?, ?, ?, ?, ?, ?, ?)")}`,
    lines.flatMap((line) => [
      generateEntityId(undefined, "porline"),
      receiptId,
      line.item.id,
      line.item.inventory_item_id,
      line.accepted,
      line.rejected,
      line.rejection_reason,
    ])
  )
  await manager.execute(
    `UPDATE purchase_order
        SET state = ?, closed_at = ${complete ? "now()" : "NULL"}, updated_at = now()
      WHERE id = ?`,
    [complete ? "received" : "partially_received", order.id]
  )

  const accepted = lines.filter((line) => line.accepted > 0)
  const stockItemIds = await stockItemIdsAt(
    manager,
    accepted.map((line) => ({ inventory_item_id: line.item.inventory_item_id, location_id: order.location_id }))
  )
  const changes: ApplyStockChangeInput[] = accepted.map((line) => {
    const stockItemId = stockItemIds[pairKey({ inventory_item_id: line.item.inventory_item_id, location_id: order.location_id })]
    if (!stockItemId) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Inventory item ${line.item.inventory_item_id} has no stock item at location ${order.location_id}`
      )
    }
    return {
      stock_item_id: stockItemId,
      kind: "received",
      quantity: line.accepted,
      stocked_change: line.accepted,
      originator_type: "purchase_order",
      originator_id: order.id,
      actor_id: input.received_by ?? null,
      note: `Purchase order ${order.number}`,
      metadata: { purchase_order_receipt_id: receiptId },
    }
  })
  const result = changes.length ? await ledger.applyStockChanges(context, changes) : ledger.EMPTY_LEDGER_RESULT()
  return { purchase_order_id: order.id, receipt_id: receiptId, complete, ledger: result }
}

/**
 * Undoes a receipt whose workflow failed after it: its accepted goods are
 * taken back out by new movements (the ledger is never edited), the items'
 * counts go back, the receipt is removed and the order's state follows.
 */
export async function revertPurchaseOrderReceipt(context: ActionContext, receiptId: string) {
  const { manager } = context
  const [receipt] = await manager.execute(
    `SELECT purchase_order_id FROM purchase_order_receipt WHERE id = ? AND deleted_at IS NULL`,
    [receiptId]
  )
  if (!receipt) {
    return
  }
  const order = await lockPurchaseOrder(manager, receipt.purchase_order_id)
  const movements = await manager.execute(
    `SELECT id, stock_item_id, quantity, stocked_change FROM stock_movement
      WHERE originator_type = 'purchase_order' AND originator_id = ? AND kind = 'received'
        AND metadata->>'purchase_order_receipt_id' = ?`,
    [order.id, receiptId]
  )
  await reverseMovements(context, movements, "the receipt that wrote it failed")
  await manager.execute(
    `UPDATE purchase_order_item i
        SET received_quantity = i.received_quantity - l.accepted,
            rejected_quantity = i.rejected_quantity - l.rejected, updated_at = now()
       FROM purchase_order_receipt_line l
      WHERE l.receipt_id = ? AND l.purchase_order_item_id = i.id`,
    [receiptId]
  )
  await manager.execute(`DELETE FROM purchase_order_receipt_line WHERE receipt_id = ?`, [receiptId])
  await manager.execute(`DELETE FROM purchase_order_receipt WHERE id = ?`, [receiptId])
  await manager.execute(
    `UPDATE purchase_order SET closed_at = NULL, updated_at = now(),
            state = CASE WHEN EXISTS (SELECT 1 FROM purchase_order_receipt r
                                       WHERE r.purchase_order_id = purchase_order.id AND r.deleted_at IS NULL)
                         THEN 'partially_received' ELSE 'ordered' END
      WHERE id = ?`,
    [order.id]
  )
}
