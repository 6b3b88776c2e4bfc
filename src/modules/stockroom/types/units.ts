export const INVENTORY_UNIT_STATES = [
  "on_hand",
  "backordered",
  "shipped",
  "returned",
  "canceled",
] as const
export type InventoryUnitState = (typeof INVENTORY_UNIT_STATES)[number]

export type InventoryUnitDTO = {
  id: string
  order_id: string
  line_item_id: string
  variant_id: string | null
  inventory_item_id: string | null
  location_id: string | null
  state: InventoryUnitState
  quantity: number
  fulfillment_id: string | null
  shipped_at: Date | string | null
  return_id: string | null
  return_authorization_id: string | null
  ordered_at: Date | string
  created_at: Date | string
  updated_at: Date | string
}

/** One order line's need of one inventory item (line quantity × required quantity). */
export type OrderUnitLineInput = {
  line_item_id: string
  variant_id: string | null
  /** null for an untracked variant */
  inventory_item_id: string | null
  /** where Medusa reserved the units; null for an untracked variant */
  location_id: string | null
  quantity: number
}

export type PlaceOrderUnitsInput = {
  order_id: string
  ordered_at: Date | string
  lines: OrderUnitLineInput[]
  /**
   * Called from inside Medusa's checkout (its events not yet out), so the
   * reservation is booked in full as `allocated`; from an event, only what
   * the ledger does not already show.
   */
  within_checkout?: boolean
  /** the cart checked out: its own checkout hold does not count against it; other carts' live holds do */
  cart_id?: string | null
}

export type ShipFulfillmentUnitsInput = {
  order_id: string
  fulfillment_id: string
  location_id: string
  items: { line_item_id: string; inventory_item_id: string; quantity: number }[]
}

export type ReceiveReturnUnitsInput = {
  order_id: string
  return_id: string
  location_id: string | null
  items: {
    line_item_id: string
    inventory_item_id: string
    /** units coming back */
    quantity: number
    /** of those, units Medusa put back into stock (damaged ones are not) */
    restocked_quantity: number
  }[]
}

/** A backordered unit (or part of one) that stock arriving turned on_hand. */
export type FilledBackorder = {
  inventory_unit_id: string
  order_id: string
  line_item_id: string
  inventory_item_id: string
  location_id: string
  quantity: number
}

/** Move an order line's unshipped units (and reservations) to another location of its channel. */
export type ReallocateOrderLineInput = {
  order_id: string
  line_item_id: string
  location_id: string
  /** the order's sales channel: the line may move only among its locations */
  sales_channel_id: string
}

/** What moving a line to a location does to one of its inventory items. */
export type LineReallocationItem = {
  inventory_item_id: string
  /** where its unshipped units are now */
  from_location_ids: string[]
  /** unshipped units of the item (line quantity left × required quantity) */
  quantity: number
  /** sellable stock of the item at the target (never below zero) */
  sellable: number
  /** of `quantity`, on_hand at the target */
  on_hand: number
  /** of `quantity`, backordered at the target */
  backordered: number
}

export type LineReallocationPlan = ReallocateOrderLineInput & { items: LineReallocationItem[] }

/** A location of the order's channel as a destination for one line. */
export type LineReallocationTarget = {
  location_id: string
  name: string
  allocation_priority: number
  /** the line's unshipped units are all here already */
  current: boolean
  /** line units left to ship (a kit's units count once) */
  unshipped_quantity: number
  /** line units the location could sell now, kit components × required quantity */
  sellable_quantity: number
  items: LineReallocationItem[]
  /** why the line cannot move here; null when it can */
  refusal: string | null
}
