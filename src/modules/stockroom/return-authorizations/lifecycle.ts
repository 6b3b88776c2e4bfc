import { MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { lockOrderUnits } from "../ledger/locks"
import { EntityManagerLike, placeholders } from "../ledger/sql"

/**
 * Locks an authorization (after its order's unit lock, the order every
 * unit path takes) and refuses unless it is still authorized.
 */
async function lockAuthorizedReturn(
  manager: EntityManagerLike,
  id: string,
  action: "receive" | "cancel"
): Promise<{ id: string; number: string; order_id: string; location_id: string }> {
  const [known] = await manager.execute(
    `SELECT order_id FROM return_authorization WHERE id = ? AND deleted_at IS NULL`,
    [id]
  )
  if (!known) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Return authorization ${id} not found`)
  }
  await lockOrderUnits(manager, known.order_id)
  const [row] = await manager.execute(
    `SELECT id, number, order_id, location_id, state, received_at, canceled_at
       FROM return_authorization WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (row.state !== "authorized") {
    const when = row.state === "received" ? row.received_at : row.canceled_at
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot ${action} return authorization ${row.number} (${id}): it was already ${row.state}${when ? ` at ${new Date(when).toISOString()}` : ""}; only an authorized one can be ${action === "receive" ? "received" : "canceled"}`
    )
  }
  return row
}

/**
 * Cancels an authorization that is still authorized: its units are no
 * longer authorized for return. Returns the unit rows it released, so a
 * failed workflow can give them back.
 */
export async function cancelReturnAuthorization(
  { manager }: ActionContext,
  id: string,
  canceledBy: string | null
): Promise<string[]> {
  await lockAuthorizedReturn(manager, id, "cancel")
  await manager.execute(
    `UPDATE return_authorization
        SET state = 'canceled', canceled_at = now(), canceled_by = ?, updated_at = now()
      WHERE id = ?`,
    [canceledBy, id]
  )
  const released = await manager.execute(
    `UPDATE inventory_unit SET return_authorization_id = NULL, updated_at = now()
      WHERE return_authorization_id = ? AND state = 'shipped' AND deleted_at IS NULL
      RETURNING id`,
    [id]
  )
  return released.map((row) => row.id as string)
}

/** Undoes a cancel whose workflow failed: authorized again, its units with it. */
export async function reopenReturnAuthorization(
  { manager }: ActionContext,
  id: string,
  unitIds: string[]
): Promise<void> {
  await manager.execute(
    `UPDATE return_authorization
        SET state = 'authorized', canceled_at = NULL, canceled_by = NULL, updated_at = now()
      WHERE id = ? AND state = 'canceled'`,
    [id]
  )
  if (unitIds.length) {
    await manager.execute(
      `UPDATE inventory_unit SET return_authorization_id = ?, updated_at = now()
        WHERE id IN (${placeholders(unitIds.length)}) AND return_authorization_id IS NULL`,
      [id, ...unitIds]
    )
  }
}

/**
 * Claims an authorization for receipt before Medusa's return runs, so two
 * concurrent receipts cannot both drive a return: the second is refused.
 * Also refuses when its units are no longer all shipped.
 */
export async function claimReturnAuthorizationReceipt(
  { manager }: ActionContext,
  id: string,
  receivedBy: string | null
): Promise<void> {
  const authorization = await lockAuthorizedReturn(manager, id, "receive")
  const [counts] = await manager.execute(
    `SELECT (SELECT COALESCE(SUM(quantity), 0) FROM return_authorization_item
              WHERE return_authorization_id = ? AND deleted_at IS NULL)::int AS authorized,
            (SELECT COALESCE(SUM(quantity), 0) FROM inventory_unit
              WHERE return_authorization_id = ? AND state = 'shipped' AND deleted_at IS NULL)::int AS shipped`,
    [id, id]
  )
  if (counts.authorized !== counts.shipped) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot receive return authorization ${authorization.number} (${id}): it covers ${counts.authorized} unit(s) but only ${counts.shipped} of them are still shipped`
    )
  }
  await manager.execute(
    `UPDATE return_authorization
        SET state = 'received', received_at = now(), received_by = ?, updated_at = now()
      WHERE id = ?`,
    [receivedBy, id]
  )
}

/** Undoes a claim whose receipt failed: the authorization is authorized again. */
export async function releaseReturnAuthorizationReceipt({ manager }: ActionContext, id: string): Promise<void> {
  await manager.execute(
    `UPDATE return_authorization
        SET state = 'authorized', received_at = NULL, received_by = NULL, updated_at = now()
      WHERE id = ? AND state = 'received' AND return_id IS NULL`,
    [id]
  )
}
