import type { StockSignal } from "../lib/ledger"
import type { FilledBackorder } from "./units"

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

export * from "./reason-codes"
import type { ReasonCode } from "./reason-codes"

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
  "purchase_order",
  "stock_count",
] as const
export type OriginatorType = (typeof ORIGINATOR_TYPES)[number]

export type StockItemDTO = {
  id: string
  inventory_item_id: string
  location_id: string
  backorderable: boolean
  low_stock_threshold: number | null
  /** on hand kept out of sale and out of backorder fills (0: none) */
  safety_stock?: number
  created_at: Date | string
  updated_at: Date | string
}

/** A stock item with its live counts, as the admin API shows it. */
export type StockItemWithCountsDTO = StockItemDTO & {
  on_hand: number
  allocated: number
  count_on_hand: number
  /** count on hand − safety stock − live checkout holds: what carts may still take here */
  sellable: number
  backordered_quantity: number
  effective_low_stock_threshold: number | null
  low_stock: boolean
  /** outstanding on ordered purchase orders and transfers in transit to this place */
  incoming: number
  /** the earliest expected date among them (`YYYY-MM-DD`), null when none is dated */
  next_expected_at: string | null
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
  "reason_code",
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
  reason_code: ReasonCode | null
  created_at: Date | string
}

/**
 * The ledger list's and export's filters, as the module takes them: each
 * column one of several values, `created_at` a range.
 */
export type StockMovementFilters = {
  stock_item_id?: string[]
  inventory_item_id?: string[]
  location_id?: string[]
  kind?: string[]
  originator_type?: string[]
  originator_id?: string[]
  reason_code?: string[]
  created_at?: { $gte?: Date; $lte?: Date; $gt?: Date; $lt?: Date }
}

/** The columns the ledger sorts by; ties go by `sequence`, then `id`. */
export type StockMovementPageOrder = {
  field:
    | "created_at"
    | "sequence"
    | "quantity"
    | "kind"
    | "stock_item_id"
    | "inventory_item_id"
    | "location_id"
    | "id"
  direction: "ASC" | "DESC"
}

/** Where a page of the ledger stopped: the last row's order value (as text), sequence and id. */
export type StockMovementKeyset = { value: string; sequence: number; id: string }

export type MovementAttribution = {
  originator_type?: OriginatorType | null
  originator_id?: string | null
  actor_id?: string | null
  reason?: string | null
  note?: string | null
  metadata?: Record<string, unknown> | null
  reason_code?: ReasonCode | null
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
   * the difference is booked under `kind`; any rest is `reconciled`, and,
   * without trust_expected, nothing is booked when the difference was
   * already ledgered.
   */
  expected_quantity?: number
  expected_stocked_change?: number
  /**
   * The operation certainly made its change (its units moved in the same
   * transaction): book the expected part in full under `kind`, even when the
   * level shows no difference, and whatever else the level shows first, as
   * `reconciled`. That rest reverses an earlier unattributed booking of the
   * change (a concurrent write, from any process, ledgers the whole level)
   * or a level Medusa moves only later (a rolled-back workflow); either way
   * the balances end equal to the level, so nothing is counted twice.
   */
  trust_expected?: boolean
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

/** The largest quantity one request may move (keeps sums inside int4). */
export const MAX_STOCK_QUANTITY = 1_000_000_000

/** What a change to the ledger did: its movements, the stock signals it crossed and the backorders it filled. */
export type LedgerResult = {
  movements: StockMovementDTO[]
  signals: StockSignal[]
  /** backordered units the change filled */
  filled: FilledBackorder[]
  /** orders whose last backorder the change filled */
  orders_without_backorders: string[]
}

/** An absolute physical on-hand level for a stock item (`POST /admin/stock-levels/batch`). */
export type SetStockLevelInput = {
  stock_item_id: string
  on_hand: number
}
