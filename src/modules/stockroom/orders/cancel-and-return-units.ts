import type { ActionContext } from "../context"
import { lockOrderUnits, lockStockItemsAt } from "../ledger/locks"
import { attributeAndFill, EMPTY_LEDGER_RESULT } from "../ledger/record"
import { placeholders } from "../ledger/sql"
import type { LedgerResult, ReceiveReturnUnitsInput } from "../types"
import { hasUnits, moveUnitsInOrder } from "../units/rows"

/**
 * Order canceled: its unshipped units are canceled, the reservations
 * Medusa dropped are ledgered as `released`, and the on_hand stock that
 * frees fills other orders' backorders (canceled backordered units free
 * nothing).
 */
export async function cancelOrderUnits(context: ActionContext, orderId: string): Promise<LedgerResult> {
  const { manager } = context
  await lockOrderUnits(manager, orderId)
  const units = await manager.execute(
    `SELECT id, quantity, inventory_item_id, location_id FROM inventory_unit
      WHERE order_id = ? AND state IN ('on_hand', 'backordered') AND deleted_at IS NULL`,
    [orderId]
  )
  if (!units.length) {
    return EMPTY_LEDGER_RESULT()
  }
  const tracked = units.filter((unit) => unit.inventory_item_id && unit.location_id)
  await lockStockItemsAt(manager, tracked)
  await manager.execute(
    `UPDATE inventory_unit SET state = 'canceled', updated_at = now()
      WHERE id IN (${placeholders(units.length)})`,
    units.map((unit) => unit.id)
  )
  return await attributeAndFill(
    context,
    tracked.map((unit) => ({
      inventory_item_id: unit.inventory_item_id,
      location_id: unit.location_id,
      kind: "released" as const,
      trust_expected: true,
      expected_quantity: Number(unit.quantity),
      expected_stocked_change: 0,
      originator_type: "order" as const,
      originator_id: orderId,
      note: null,
    }))
  )
}

/**
 * Medusa's return received: shipped units of the returned lines become
 * returned; the stock Medusa put back is ledgered as `returned`, and fills
 * backorders. Idempotent per return.
 */
export async function receiveReturnUnits(
  context: ActionContext,
  input: ReceiveReturnUnitsInput
): Promise<LedgerResult> {
  const { manager } = context
  await lockOrderUnits(manager, input.order_id)
  if (await hasUnits(manager, "return_id", input.return_id)) {
    return EMPTY_LEDGER_RESULT()
  }
  const restocked = input.location_id
    ? input.items.filter((item) => item.restocked_quantity > 0)
    : []
  await lockStockItemsAt(
    manager,
    restocked.map((item) => ({ inventory_item_id: item.inventory_item_id, location_id: input.location_id! }))
  )
  for (const item of input.items) {
    const units = await manager.execute(
      `SELECT id, quantity FROM inventory_unit
        WHERE order_id = ? AND line_item_id = ? AND inventory_item_id = ?
          AND state = 'shipped' AND deleted_at IS NULL
        ORDER BY (return_authorization_id IS NOT NULL), ordered_at, id
          FOR UPDATE`,
      [input.order_id, item.line_item_id, item.inventory_item_id]
    )
    await moveUnitsInOrder(manager, units, item.quantity, {
      state: "returned",
      return_id: input.return_id,
    })
  }
  return await attributeAndFill(
    context,
    restocked.map((item) => ({
      inventory_item_id: item.inventory_item_id,
      location_id: input.location_id!,
      kind: "returned" as const,
      expected_quantity: item.restocked_quantity,
      expected_stocked_change: item.restocked_quantity,
      originator_type: "return" as const,
      originator_id: input.return_id,
      note: null,
    }))
  )
}
