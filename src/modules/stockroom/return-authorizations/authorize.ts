import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { lockOrderUnits } from "../ledger/locks"
import { placeholders } from "../ledger/sql"
import { RAW_PRECISION } from "../lib/ledger"
import type { CreateReturnAuthorizationInput } from "../types"
import { moveUnitsInOrder } from "../units/rows"

const ITEM_COLUMNS = [
  "id",
  "inventory_unit_id",
  "line_item_id",
  "variant_id",
  "inventory_item_id",
  "quantity",
  "required_quantity",
  "resellable",
  "return_authorization_id",
] as const

/**
 * Authorizes the return of shipped units: under the order's unit lock the
 * requested units that are shipped and not yet authorized carry the new
 * authorization (a row splits when only part of it is taken), and the
 * authorization takes the next number from its sequence. Units named by id
 * are taken first, so a line request never takes a row another request
 * names. Refused, writing nothing, when a request asks for more than is
 * shipped and free. Returns the new authorization's id.
 */
export async function authorizeReturn(
  { manager }: ActionContext,
  input: CreateReturnAuthorizationInput
): Promise<string> {
  await lockOrderUnits(manager, input.order_id)
  const id = generateEntityId(undefined, "ra")
  const items: Record<(typeof ITEM_COLUMNS)[number], unknown>[] = []
  const byUnitFirst = [...input.requests].sort(
    (a, b) => Number(!a.inventory_unit_id) - Number(!b.inventory_unit_id)
  )
  for (const request of byUnitFirst) {
    for (const part of request.parts) {
      const units = await manager.execute(
        `SELECT id, quantity FROM inventory_unit
          WHERE order_id = ? AND line_item_id = ? AND inventory_item_id = ?
            AND (?::text IS NULL OR id = ?)
            AND state = 'shipped' AND return_authorization_id IS NULL AND deleted_at IS NULL
          ORDER BY ordered_at, id
            FOR UPDATE`,
        [
          input.order_id,
          request.line_item_id,
          part.inventory_item_id,
          request.inventory_unit_id ?? null,
          request.inventory_unit_id ?? null,
        ]
      )
      const free = units.reduce((sum, unit) => sum + Number(unit.quantity), 0)
      if (free < part.quantity) {
        const from = request.inventory_unit_id ? ` from inventory unit ${request.inventory_unit_id}` : ""
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Cannot authorize the return of ${part.quantity} unit(s) of line item ${request.line_item_id} (inventory item ${part.inventory_item_id})${from}: only ${free} shipped and not already authorized for return`
        )
      }
      const moved = await moveUnitsInOrder(manager, units, part.quantity, {
        state: "shipped",
        return_authorization_id: id,
      })
      for (const { taken, moved_id } of moved) {
        items.push({
          id: generateEntityId(undefined, "raitem"),
          inventory_unit_id: moved_id,
          line_item_id: request.line_item_id,
          variant_id: request.variant_id,
          inventory_item_id: part.inventory_item_id,
          quantity: taken,
          required_quantity: part.required_quantity,
          resellable: request.resellable,
          return_authorization_id: id,
        })
      }
    }
  }
  const [{ next }] = await manager.execute(`SELECT nextval('return_authorization_number_seq') AS next`)
  await manager.execute(
    `INSERT INTO return_authorization
       (id, number, order_id, state, reason, return_reason_id, memo, amount, raw_amount,
        currency_code, location_id, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'authorized', ?, ?, ?, ?, ?, ?, ?, ?, now(), now())`,
    [
      id,
      `RA-${next}`,
      input.order_id,
      input.reason,
      input.return_reason_id ?? null,
      input.memo ?? null,
      input.amount,
      JSON.stringify({ value: String(input.amount), precision: RAW_PRECISION }),
      input.currency_code,
      input.location_id,
      input.created_by ?? null,
    ]
  )
  await manager.execute(
    `INSERT INTO return_authorization_item (${ITEM_COLUMNS.join(", ")}, created_at, updated_at)
     VALUES ${placeholders(items.length, `(${placeholders(ITEM_COLUMNS.length)}, now(), now())`)}`,
    items.flatMap((item) => ITEM_COLUMNS.map((column) => item[column]))
  )
  return id
}

/**
 * Undoes an authorization whose workflow failed: its units are no longer
 * authorized (split rows stay split, in the same state) and its rows go.
 */
export async function removeReturnAuthorization({ manager }: ActionContext, id: string): Promise<void> {
  await manager.execute(
    `UPDATE inventory_unit SET return_authorization_id = NULL, updated_at = now()
      WHERE return_authorization_id = ? AND state = 'shipped'`,
    [id]
  )
  await manager.execute(`DELETE FROM return_authorization_item WHERE return_authorization_id = ?`, [id])
  await manager.execute(`DELETE FROM return_authorization WHERE id = ?`, [id])
}
