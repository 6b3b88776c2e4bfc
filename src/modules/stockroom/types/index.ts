/**
 * The one place Stockroom's enums and DTOs are declared. Zod schemas,
 * routes, workflows and the admin import from here.
 */

export const STOCKROOM_MODULE = "stockroom"

export type StockroomOptions = {
  /** false: behave as if stock were infinite. */
  track_inventory_levels: boolean
  /** false: carts and checkout never take more than the stock available. */
  allow_backorders: boolean
  /** true: backordered units may be fulfilled. */
  allow_backorder_shipping: boolean
  /** false: the store's product listing hides products with no stock. */
  show_zero_stock_products: boolean
  /** Default for new locations: received returns go back into stock. */
  restock_inventory: boolean
  /** Default for new locations' `backorderable_default`. */
  backorderable_default: boolean
  /** Default for new locations: create a stock item for every inventory item. */
  propagate_all_variants: boolean
  /** false: store routes say in_stock / backorderable but hide exact numbers. */
  expose_stock_counts: boolean
  /** Default threshold for low-stock events and admin highlighting. */
  low_stock_threshold: number | null
  /** false: Stockroom registers no workflow hook; the store calls the exported handlers. */
  register_workflow_hooks: boolean
}

export type StockroomOptionsInput = Partial<StockroomOptions>

export type StockLocationSettingDTO = {
  id: string
  stock_location_id: string
  backorderable_default: boolean
  propagate_all_variants: boolean
  restock_inventory: boolean
  created_at: Date | string
  updated_at: Date | string
}

export type CreateStockLocationSettingDTO = {
  stock_location_id: string
  backorderable_default?: boolean
  propagate_all_variants?: boolean
  restock_inventory?: boolean
}

export type UpdateStockLocationSettingDTO = {
  backorderable_default?: boolean
  propagate_all_variants?: boolean
  restock_inventory?: boolean
}

export const STOCK_MOVEMENT_KINDS = [
  "received",
  "adjusted",
  "allocated",
  "released",
  "shipped",
  "unshipped",
  "returned",
  "transfer_out",
  "transfer_in",
  "reconciled",
] as const
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number]

/** Kinds an admin may give a manual movement (`POST /admin/stock-movements`). */
export const MANUAL_MOVEMENT_KINDS = ["received", "adjusted"] as const

export const ORIGINATOR_TYPES = [
  "order",
  "fulfillment",
  "stock_transfer",
  "return_authorization",
  "return",
  "user",
  "system",
] as const
export type OriginatorType = (typeof ORIGINATOR_TYPES)[number]

export type StockItemDTO = {
  id: string
  inventory_item_id: string
  location_id: string
  backorderable: boolean
  low_stock_threshold: number | null
  created_at: Date | string
  updated_at: Date | string
}

/** A stock item with its live counts, as the admin API shows it. */
export type StockItemWithCountsDTO = StockItemDTO & {
  on_hand: number
  allocated: number
  count_on_hand: number
  backordered_quantity: number
  effective_low_stock_threshold: number | null
  low_stock: boolean
}

/** A movement's stored columns, in order (the ledger insert and the CSV export use them). */
export const STOCK_MOVEMENT_COLUMNS = [
  "id",
  "stock_item_id",
  "inventory_item_id",
  "location_id",
  "kind",
  "quantity",
  "stocked_change",
  "count_on_hand_after",
  "stocked_after",
  "sequence",
  "originator_type",
  "originator_id",
  "actor_id",
  "reason",
  "note",
  "metadata",
] as const

export type StockMovementDTO = {
  id: string
  stock_item_id: string
  inventory_item_id: string
  location_id: string
  kind: StockMovementKind
  quantity: number
  stocked_change: number
  count_on_hand_after: number
  stocked_after: number
  sequence: number
  originator_type: OriginatorType | null
  originator_id: string | null
  actor_id: string | null
  reason: string | null
  note: string | null
  metadata: Record<string, unknown> | null
  created_at: Date | string
}

export type MovementAttribution = {
  originator_type?: OriginatorType | null
  originator_id?: string | null
  actor_id?: string | null
  reason?: string | null
  note?: string | null
  metadata?: Record<string, unknown> | null
}

/**
 * A change Stockroom makes: Medusa's level moves by `stocked_change` and the
 * count on hand by `quantity`, in the same transaction as the movement.
 */
export type ApplyStockChangeInput = MovementAttribution & {
  stock_item_id: string
  kind: StockMovementKind
  quantity: number
  stocked_change: number
  /** refuse when count on hand would drop below zero on a non-backorderable item */
  enforce_availability?: boolean
}

/**
 * A change Medusa already made to a level: the ledger records the difference
 * between the level and the last ledgered balances, attributed as given.
 */
export type ReconcileStockItemInput = MovementAttribution & {
  stock_item_id: string
  /** kind to use when the difference matches it; "reconciled" otherwise */
  kind?: StockMovementKind
  /**
   * The change the attributed operation made, when known. Only this much of
   * the difference is booked under `kind`; any rest is `reconciled`, and
   * nothing is booked when the difference was already ledgered.
   */
  expected_quantity?: number
  expected_stocked_change?: number
  /**
   * The operation runs inside Medusa's own workflow, before its level
   * events are out, so no reconciliation of those events has ledgered its
   * change yet: book the expected part in full (anything else first, as
   * `reconciled`). Another write to the stock item still can; see
   * reclaim_unattributed.
   */
  trust_expected?: boolean
  /**
   * With trust_expected, for a change certainly in the level already (a
   * checkout's reservation at its hook): book it even when the level shows
   * no difference. A concurrent write to the same stock item, from any
   * process, ledgers the whole level and may have booked this change first
   * without knowing whose it was; its reversal is booked before it.
   */
  reclaim_unattributed?: boolean
}

export type StockItemRef = {
  inventory_item_id: string
  location_id: string
}

export type AuditProblem = {
  stock_item_id: string
  inventory_item_id: string
  location_id: string
  invariant: 1 | 2 | 3 | 4 | 5
  message: string
  expected?: number
  actual?: number
}

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

export type UnitChangeResult = {
  movements: StockMovementDTO[]
  filled: FilledBackorder[]
  /** orders that had backorders filled and have none left */
  orders_without_backorders: string[]
}

/** The largest quantity one request may move (keeps sums inside int4). */
export const MAX_STOCK_QUANTITY = 1_000_000_000

export type StockTransferItemDTO = {
  id: string
  transfer_id?: string
  inventory_item_id: string
  variant_id: string | null
  quantity: number
  created_at: Date | string
  updated_at: Date | string
}

/**
 * A move of stock between two locations; no source means a receipt from a
 * supplier. Its movements carry originator `stock_transfer` and its id.
 */
export type StockTransferDTO = {
  id: string
  reference: string | null
  source_location_id: string | null
  destination_location_id: string
  created_by: string | null
  items?: StockTransferItemDTO[]
  created_at: Date | string
  updated_at: Date | string
}

/** A transfer with its items and the movements it wrote, as the admin API returns it. */
export type StockTransferWithMovementsDTO = StockTransferDTO & {
  items: StockTransferItemDTO[]
  movements: StockMovementDTO[]
}

/** One line of a transfer as requested: an inventory item or a single-item variant. */
export type StockTransferLineInput = {
  inventory_item_id?: string
  variant_id?: string
  quantity: number
}

/** One line once its variant is resolved to the inventory item that moves. */
export type ResolvedStockTransferLine = {
  inventory_item_id: string
  variant_id: string | null
  quantity: number
}

export const RETURN_AUTHORIZATION_STATES = ["authorized", "received", "canceled"] as const
export type ReturnAuthorizationState = (typeof RETURN_AUTHORIZATION_STATES)[number]

/** The most items one return authorization may list. */
export const MAX_RETURN_AUTHORIZATION_ITEMS = 200

/**
 * Units of one order line (and one inventory item) a return authorization
 * covers: the inventory unit row carrying the authorization, and whether the
 * goods can be sold again.
 */
export type ReturnAuthorizationItemDTO = {
  id: string
  return_authorization_id?: string
  inventory_unit_id: string
  line_item_id: string
  variant_id: string | null
  inventory_item_id: string | null
  /** units of the inventory item */
  quantity: number
  /** units of the inventory item in one unit of the order line (kits) */
  required_quantity: number
  resellable: boolean
  /** units put back into stock when received */
  restocked_quantity: number
  created_at: Date | string
  updated_at: Date | string
}

/**
 * Spree's ReturnAuthorization: part of a shipped order the store agreed to
 * take back, the reason, where the goods come back to and the credit owed.
 * Receiving it drives Medusa's own return (`return_id`) and credits the order.
 */
export type ReturnAuthorizationDTO = {
  id: string
  number: string
  order_id: string
  state: ReturnAuthorizationState
  reason: string
  return_reason_id: string | null
  memo: string | null
  amount: number
  currency_code: string
  location_id: string
  return_id: string | null
  /** what Medusa valued the returned items at when received (tax included) */
  items_value: number | null
  created_by: string | null
  received_by: string | null
  canceled_by: string | null
  received_at: Date | string | null
  canceled_at: Date | string | null
  items?: ReturnAuthorizationItemDTO[]
  created_at: Date | string
  updated_at: Date | string
}

/** One item of an authorization request: a unit row or an order line. */
export type ReturnAuthorizationItemInput = {
  inventory_unit_id?: string
  line_item_id?: string
  /** units of the unit's inventory item, or of the order line */
  quantity: number
  resellable?: boolean
}

/**
 * An authorization request resolved against the order: each request names
 * the units it takes, per inventory item (a kit line takes every item).
 */
export type ResolvedReturnAuthorizationRequest = {
  /** take from this unit row only (a unit given by id) */
  inventory_unit_id?: string
  line_item_id: string
  variant_id: string | null
  resellable: boolean
  parts: { inventory_item_id: string; quantity: number; required_quantity: number }[]
}

export type CreateReturnAuthorizationInput = {
  order_id: string
  reason: string
  return_reason_id?: string | null
  memo?: string | null
  amount: number
  currency_code: string
  location_id: string
  created_by?: string | null
  requests: ResolvedReturnAuthorizationRequest[]
}

/** Units coming back through an authorization, per inventory item, once Medusa received them. */
export type ReceiveReturnAuthorizationUnitsInput = {
  return_authorization_id: string
  return_id: string
  /** what Medusa valued the returned items at */
  items_value: number
  received_by?: string | null
  /** the authorization's items Medusa put back into stock at its location */
  restocked_item_ids: string[]
}
