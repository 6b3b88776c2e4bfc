import { MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { stockItemIdsAt } from "../ledger/locks"
import * as ledger from "../ledger/record"
import { movementsById, reverseMovements } from "../ledger/reverse"
import { EntityManagerLike, pairKey } from "../ledger/sql"
import { checkReceiptLines, outstandingOf, receivableItem, ReceivableItem } from "../purchase-orders/receipt-lines"
import type { ApplyStockChangeInput, LedgerResult, ReceiveStockTransferInput, StockTransferUndo } from "../types"

type LockedTransfer = {
  id: string
  reference: string | null
  state: string
  source_location_id: string | null
  destination_location_id: string
}

async function lockTransitTransfer(manager: EntityManagerLike, id: string, action: string) {
  const [transfer] = (await manager.execute(
    `SELECT id, reference, state, source_location_id, destination_location_id FROM stock_transfer
      WHERE id = ? AND deleted_at IS NULL
        FOR UPDATE`,
    [id]
  )) as LockedTransfer[]
  if (!transfer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock transfer ${id} not found`)
  }
  if (transfer.state !== "in_transit") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Stock transfer ${id} is ${transfer.state}: only a transfer in transit can be ${action}`
    )
  }
  const rows = await manager.execute(
    `SELECT id, inventory_item_id, quantity, received_quantity, rejected_quantity
       FROM stock_transfer_item WHERE transfer_id = ? AND deleted_at IS NULL ORDER BY id`,
    [id]
  )
  return { transfer, items: rows.map(receivableItem) }
}

async function bookTransferIn(
  context: ActionContext,
  transfer: LockedTransfer,
  locationId: string,
  quantities: { item: ReceivableItem; quantity: number }[],
  actorId: string | null,
  note: string
): Promise<LedgerResult> {
  const moving = quantities.filter((entry) => entry.quantity > 0)
  if (!moving.length) {
    return ledger.EMPTY_LEDGER_RESULT()
  }
  const ids = await stockItemIdsAt(
    context.manager,
    moving.map((entry) => ({ inventory_item_id: entry.item.inventory_item_id, location_id: locationId }))
  )
  const changes: ApplyStockChangeInput[] = moving.map((entry) => {
    const stockItemId = ids[pairKey({ inventory_item_id: entry.item.inventory_item_id, location_id: locationId })]
    if (!stockItemId) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Inventory item ${entry.item.inventory_item_id} has no stock item at location ${locationId}`
      )
    }
    return {
      stock_item_id: stockItemId,
      kind: "transfer_in",
      quantity: entry.quantity,
      stocked_change: entry.quantity,
      originator_type: "stock_transfer",
      originator_id: transfer.id,
      actor_id: actorId,
      note,
    }
  })
  return await ledger.applyStockChanges(context, changes)
}

/**
 * Receives goods of a transfer in transit at its destination, under a lock
 * on the transfer: `transfer_in` for what is accepted (backorders fill);
 * what is rejected (lost or damaged on the way) is recorded on the item and
 * not booked. Without lines everything outstanding is accepted. The
 * transfer is received once nothing is outstanding.
 */
export async function receiveStockTransfer(
  context: ActionContext,
  input: ReceiveStockTransferInput
): Promise<{ transfer_id: string; complete: boolean; ledger: LedgerResult; undo: StockTransferUndo }> {
  const { manager } = context
  const { transfer, items } = await lockTransitTransfer(manager, input.id, "received")
  const lines = checkReceiptLines(`stock transfer ${transfer.id}`, items, input.items)
  const reasons = new Map<string, string | null>(
    (
      await manager.execute(`SELECT id, rejection_reason FROM stock_transfer_item WHERE transfer_id = ?`, [transfer.id])
    ).map((row: { id: string; rejection_reason: string | null }) => [row.id, row.rejection_reason])
  )
  for (const line of lines) {
    line.item.received_quantity += line.accepted
    line.item.rejected_quantity += line.rejected
    await manager.execute(
      `UPDATE stock_transfer_item
          SET received_quantity = received_quantity + ?, rejected_quantity = rejected_quantity + ?,
              rejection_reason = COALESCE(?, rejection_reason), updated_at = now()
        WHERE id = ?`,
      [line.accepted, line.rejected, line.rejection_reason, line.item.id]
    )
  }
  const complete = items.every((item) => outstandingOf(item) === 0)
  if (complete) {
    await manager.execute(
      `UPDATE stock_transfer SET state = 'received', received_at = now(), received_by = ?, updated_at = now()
        WHERE id = ?`,
      [input.received_by ?? null, transfer.id]
    )
  }
  const result = await bookTransferIn(
    context,
    transfer,
    transfer.destination_location_id,
    lines.map((line) => ({ item: line.item, quantity: line.accepted })),
    input.received_by ?? null,
    transfer.reference ? `Transfer ${transfer.reference} received` : "Transfer received"
  )
  const undo: StockTransferUndo = {
    transfer_id: transfer.id,
    movement_ids: result.movements.map((movement) => movement.id),
    lines: lines.map((line) => ({
      item_id: line.item.id,
      accepted: line.accepted,
      rejected: line.rejected,
      rejection_reason: reasons.get(line.item.id) ?? null,
    })),
    closed: complete,
  }
  return { transfer_id: transfer.id, complete, ledger: result, undo }
}

/**
 * Cancels a transfer in transit: what is still on its way goes back to the
 * source (`transfer_in` there); what was received or rejected stays so.
 */
export async function cancelStockTransfer(
  context: ActionContext,
  id: string,
  canceledBy: string | null
): Promise<LedgerResult> {
  const { manager } = context
  const { transfer, items } = await lockTransitTransfer(manager, id, "canceled")
  await manager.execute(
    `UPDATE stock_transfer SET state = 'canceled', canceled_at = now(), updated_at = now() WHERE id = ?`,
    [transfer.id]
  )
  return await bookTransferIn(
    context,
    transfer,
    transfer.source_location_id!,
    items.map((item) => ({ item, quantity: outstandingOf(item) })),
    canceledBy,
    transfer.reference ? `Transfer ${transfer.reference} canceled: back at the source` : "Transfer canceled: back at the source"
  )
}

/**
 * Undoes a receipt or a cancel of a transfer in transit whose workflow
 * failed after it: its movements are taken back by new ones (the ledger is
 * never edited), the items' received and rejected counts and rejection
 * reasons go back, and a transfer it closed is in transit again.
 */
export async function revertStockTransferChange(context: ActionContext, undo: StockTransferUndo) {
  const { manager } = context
  await manager.execute(`SELECT id FROM stock_transfer WHERE id = ? FOR UPDATE`, [undo.transfer_id])
  await reverseMovements(
    context,
    await movementsById(context, undo.movement_ids),
    "the transfer change that wrote it failed"
  )
  for (const line of undo.lines) {
    await manager.execute(
      `UPDATE stock_transfer_item
          SET received_quantity = received_quantity - ?, rejected_quantity = rejected_quantity - ?,
              rejection_reason = ?, updated_at = now()
        WHERE id = ?`,
      [line.accepted, line.rejected, line.rejection_reason, line.item_id]
    )
  }
  if (undo.closed) {
    await manager.execute(
      `UPDATE stock_transfer
          SET state = 'in_transit', received_at = NULL, received_by = NULL, canceled_at = NULL, updated_at = now()
        WHERE id = ?`,
      [undo.transfer_id]
    )
  }
}
