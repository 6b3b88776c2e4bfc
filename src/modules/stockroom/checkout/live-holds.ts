import { MEDUSA } from "../medusa-tables"

/**
 * SQL condition: the hold aliased `h` still counts. An expired hold counts
 * for nothing, whether or not the sweep has removed it yet. A completed
 * cart's hold counts for nothing either: Medusa marks the cart completed in
 * the step that reserves its stock, so from then on the reservation keeps
 * it, and counting the hold too would refuse another holder stock that is
 * free.
 */
export const HOLD_COUNTS = `h.deleted_at IS NULL AND h.expires_at > now()
                       AND NOT EXISTS (SELECT 1 FROM ${MEDUSA.cart} c
                                        WHERE c.id = h.cart_id AND c.completed_at IS NOT NULL)`

/**
 * SQL: what carts' live checkout holds (HOLD_COUNTS) keep of the inventory
 * item at the location of the row aliased `at`. With `exceptCart`, the
 * statement takes one more parameter, at this place: the cart whose own
 * hold does not count against it.
 */
export function liveHoldsSql(at: string, { exceptCart = false }: { exceptCart?: boolean } = {}) {
  return `COALESCE((SELECT SUM(h.quantity) FROM checkout_hold h
                     WHERE h.inventory_item_id = ${at}.inventory_item_id
                       AND h.location_id = ${at}.location_id
                       AND ${HOLD_COUNTS}${
                         exceptCart ? "\n                       AND h.cart_id IS DISTINCT FROM ?" : ""
                       }), 0)`
}
