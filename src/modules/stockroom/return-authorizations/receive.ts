import { MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { lockOrderUnits, lockStockItemsAt } from "../ledger/locks"
import { attributeAndFill } from "../ledger/record"
import { placeholders } from "../ledger/sql"
import { RAW_PRECISION } from "../lib/ledger"
import type { LedgerResult, ReceiveReturnAuthorizationUnitsInput } from "../types"

/**
 * Medusa received the authorization's return: its units become returned
 * (with Medusa's return id), and the stock Medusa put back at the
 * authorization's location is ledgered once, as `returned` originated by
 * the authorization, then fills backorders. Runs inside the receiving
 * workflow before Medusa's level events are out, so the expected restock
 * is booked in full (`trust_expected`); the level-change subscriber then
 * finds the item in step and writes nothing.
 */
export async function receiveReturnAuthorizationUnits(
  context: ActionContext,
  input: ReceiveReturnAuthorizationUnitsInput
): Promise<LedgerResult & { returned_unit_ids: string[] }> {
  const { manager } = context
  const [authorization] = await manager.execute(
    `SELECT id, number, order_id, location_id FROM return_authorization
      WHERE id = ? AND deleted_at IS NULL`,
    [input.return_authorization_id]
  )
  if (!authorization) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Return authorization ${input.return_authorization_id} not found`
    )
  }
  await lockOrderUnits(manager, authorization.order_id)
  const restocked = input.restocked_item_ids.length
    ? await manager.execute(
        `UPDATE return_authorization_item SET restocked_quantity = quantity, updated_at = now()
          WHERE return_authorization_id = ? AND id IN (${placeholders(input.restocked_item_ids.length)})
            AND inventory_item_id IS NOT NULL
          RETURNING inventory_item_id, quantity`,
        [authorization.id, ...input.restocked_item_ids]
      )
    : []
  const perItem = new Map<string, number>()
  for (const row of restocked) {
    perItem.set(row.inventory_item_id, (perItem.get(row.inventory_item_id) ?? 0) + Number(row.quantity))
  }
  const places = [...perItem.keys()].map((inventoryItemId) => ({
    inventory_item_id: inventoryItemId,
    location_id: authorization.location_id as string,
  }))
  await lockStockItemsAt(manager, places)
  const returned = await manager.execute(
    `UPDATE inventory_unit SET state = 'returned', return_id = ?, updated_at = now()
      WHERE return_authorization_id = ? AND state = 'shipped' AND deleted_at IS NULL
      RETURNING id`,
    [input.return_id, authorization.id]
  )
  await manager.execute(
    `UPDATE return_authorization
        SET return_id = ?, items_value = ?, raw_items_value = ?, updated_at = now()
      WHERE id = ?`,
    [
      input.return_id,
      input.items_value,
      JSON.stringify({ value: String(input.items_value), precision: RAW_PRECISION }),
      authorization.id,
    ]
  )
  const result = await attributeAndFill(
    context,
    places.map((place) => ({
      ...place,
      kind: "returned" as const,
      trust_expected: true,
      expected_quantity: perItem.get(place.inventory_item_id)!,
      expected_stocked_change: perItem.get(place.inventory_item_id)!,
      originator_type: "return_authorization" as const,
      originator_id: authorization.id,
      actor_id: input.received_by ?? null,
      note: `Return authorization ${authorization.number}`,
    }))
  )
  return { ...result, returned_unit_ids: returned.map((row) => row.id as string) }
}

/** Undoes the unit side of a receipt whose workflow failed afterwards. */
export async function unreceiveReturnAuthorizationUnits({ manager }: ActionContext, id: string): Promise<void> {
  await manager.execute(
    `UPDATE inventory_unit SET state = 'shipped', return_id = NULL, updated_at = now()
      WHERE return_authorization_id = ? AND state = 'returned' AND deleted_at IS NULL`,
    [id]
  )
  await manager.execute(
    `UPDATE return_authorization_item SET restocked_quantity = 0, updated_at = now()
      WHERE return_authorization_id = ?`,
    [id]
  )
  await manager.execute(
    `UPDATE return_authorization
        SET return_id = NULL, items_value = NULL, raw_items_value = NULL, updated_at = now()
      WHERE id = ?`,
    [id]
  )
}
