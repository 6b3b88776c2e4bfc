/**
 * SQL: what carts' live checkout holds keep of the inventory item at the
 * location of the row aliased `at` (an expired hold counts for nothing,
 * whether or not the sweep has removed it yet). With `exceptCart`, the
 * statement takes one more parameter, at this place: the cart whose own
 * hold does not count against it.
 */
export function liveHoldsSql(at: string, { exceptCart = false }: { exceptCart?: boolean } = {}) {
  return `COALESCE((SELECT SUM(h.quantity) FROM checkout_hold h
                     WHERE h.inventory_item_id = ${at}.inventory_item_id
                       AND h.location_id = ${at}.location_id
                       AND h.deleted_at IS NULL AND h.expires_at > now()${
                         exceptCart ? "\n                       AND h.cart_id IS DISTINCT FROM ?" : ""
                       }), 0)`
}
