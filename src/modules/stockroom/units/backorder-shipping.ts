import { MedusaError } from "@medusajs/framework/utils"

export type LineUnitsToShip = {
  line_item_id: string
  inventory_item_id: string
  /** units of the inventory item the fulfillment takes from the line */
  requested: number
  /** the line's on_hand units of the inventory item */
  on_hand: number
  /** the line's backordered units of the inventory item */
  backordered: number
}

/**
 * The backorder-shipping rule (DESIGN.md section 5): with
 * `allow_backorder_shipping` off, a fulfillment may not take more of a line
 * than its on_hand units while some of it waits backordered. Both the admin
 * route's early refusal and the fulfillment hook call this, so the rule and
 * its message live here alone.
 */
export function assertBackorderShippingAllowed(
  line: LineUnitsToShip,
  allowBackorderShipping: boolean
): void {
  if (allowBackorderShipping) {
    return
  }
  if (line.requested > line.on_hand && line.backordered > 0) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot fulfill ${line.requested} of line item ${line.line_item_id} (inventory item ${line.inventory_item_id}): only ${line.on_hand} on hand for it, ${line.backordered} backordered, and allow_backorder_shipping is false`
    )
  }
}
