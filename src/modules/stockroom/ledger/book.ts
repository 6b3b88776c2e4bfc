import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import {
  classifyOutsideChange,
  LockedLevel,
  LockedStockItem,
  StockSignal,
  stockSignals,
} from "../lib/ledger"
import { addToStockedQuantities, insertMovements, updateStockItemBalances } from "../bulk/write"
import {
  ApplyStockChangeInput,
  MovementAttribution,
  ReconcileStockItemInput,
  StockMovementDTO,
  StockMovementKind,
} from "../types"
import type { LockedStock } from "./locks"
import type { EntityManagerLike } from "./sql"

/** How to explain what Medusa changed at a stock item since its last movement. */
export type DriftAttribution = Omit<ReconcileStockItemInput, "stock_item_id">

export type Booking = {
  /** per stock item id; without one, drift is booked as Medusa's own change */
  attributions?: Map<string, DriftAttribution>
  /** Stockroom's own changes, booked after any drift and applied to Medusa's level */
  changes?: ApplyStockChangeInput[]
  /** the store-wide low-stock threshold, for items without their own */
  low_stock_threshold: number | null
}

type Balances = { on_hand: number; count_on_hand: number; sequence: number }
type PendingMovement = Omit<StockMovementDTO, "created_at">

const OUTSIDE_CHANGE_NOTE = "Change made outside Stockroom, recorded when it was noticed"

/**
 * The one way a movement is written. For each locked stock item: book what
 * Medusa changed since the last movement (attributed as well as the caller
 * knows), then Stockroom's own changes; move Medusa's levels by those
 * changes; write the movements with their running balances and the stock
 * items' new balances; and say which stock signals the run crossed (from the
 * ledger's balance before the run to after it). Runs in the caller's
 * transaction, under its locks.
 */
export async function bookStockItems(
  manager: EntityManagerLike,
  locked: LockedStock,
  booking: Booking
): Promise<{ movements: StockMovementDTO[]; signals: StockSignal[] }> {
  const pending: PendingMovement[] = []
  const signals: StockSignal[] = []
  const levelDeltas = new Map<string, number>()
  const changesByItem = new Map<string, ApplyStockChangeInput[]>()
  for (const change of booking.changes ?? []) {
    const own = changesByItem.get(change.stock_item_id)
    own ? own.push(change) : changesByItem.set(change.stock_item_id, [change])
  }
  for (const item of locked.items) {
    const level = locked.levels.get(item.id)!
    const before = item.ledger_count_on_hand
    const balances = catchUpDrift(item, level, pending, booking.attributions?.get(item.id))
    for (const change of changesByItem.get(item.id) ?? []) {
      if (change.quantity === 0 && change.stocked_change === 0) {
        continue
      }
      assertAvailable(item, balances, change)
      book(item, balances, pending, change.kind, change.quantity, change.stocked_change, change)
      levelDeltas.set(level.id, (levelDeltas.get(level.id) ?? 0) + change.stocked_change)
    }
    signals.push(
      ...stockSignals(
        item,
        item.low_stock_threshold ?? booking.low_stock_threshold,
        before,
        balances.count_on_hand
      )
    )
    item.ledger_on_hand = balances.on_hand
    item.ledger_count_on_hand = balances.count_on_hand
    item.last_sequence = balances.sequence
  }
  await addToStockedQuantities(manager, levelDeltas)
  return { movements: await writeLedger(manager, locked.items, pending), signals }
}

/**
 * An enforced decrease may not take count on hand below zero on a stock item
 * that is not backorderable.
 */
function assertAvailable(item: LockedStockItem, balances: Balances, change: ApplyStockChangeInput) {
  const after = balances.count_on_hand + change.quantity
  if (change.enforce_availability && change.quantity < 0 && after < 0 && !item.backorderable) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cannot take ${-change.quantity} from stock item ${item.id} (inventory item ${item.inventory_item_id} at location ${item.location_id}): only ${Math.max(balances.count_on_hand, 0)} available and the stock item is not backorderable`
    )
  }
}

function book(
  item: LockedStockItem,
  balances: Balances,
  pending: PendingMovement[],
  kind: StockMovementKind,
  quantity: number,
  stockedChange: number,
  attribution: MovementAttribution
) {
  if (quantity === 0 && stockedChange === 0) {
    return
  }
  balances.on_hand += stockedChange
  balances.count_on_hand += quantity
  balances.sequence += 1
  pending.push({
    id: generateEntityId(undefined, "smov"),
    stock_item_id: item.id,
    inventory_item_id: item.inventory_item_id,
    location_id: item.location_id,
    kind,
    quantity,
    stocked_change: stockedChange,
    count_on_hand_after: balances.count_on_hand,
    stocked_after: balances.on_hand,
    sequence: balances.sequence,
    originator_type: attribution.originator_type ?? null,
    originator_id: attribution.originator_id ?? null,
    actor_id: attribution.actor_id ?? null,
    reason: attribution.reason ?? null,
    note: attribution.note ?? null,
    metadata: attribution.metadata ?? null,
    reason_code: attribution.reason_code ?? null,
  })
}

/** The part of `expected` that `actual` contains (same sign, no larger). */
function overlap(actual: number, expected: number): number {
  if (actual === 0 || expected === 0 || Math.sign(actual) !== Math.sign(expected)) {
    return 0
  }
  return Math.sign(expected) * Math.min(Math.abs(actual), Math.abs(expected))
}

/**
 * Books the difference between the level and the item's ledgered balances,
 * and returns the balances after it.
 */
function catchUpDrift(
  item: LockedStockItem,
  level: LockedLevel,
  pending: PendingMovement[],
  attribution?: DriftAttribution
): Balances {
  const balances = {
    on_hand: item.ledger_on_hand,
    count_on_hand: item.ledger_count_on_hand,
    sequence: item.last_sequence,
  }
  const stockedChange = level.stocked_quantity - balances.on_hand
  const quantity = level.stocked_quantity - level.reserved_quantity - balances.count_on_hand
  if (stockedChange === 0 && quantity === 0 && !attribution?.trust_expected) {
    return balances
  }
  const bookDrift = (
    kind: StockMovementKind,
    movementQuantity: number,
    movementStockedChange: number,
    source: MovementAttribution
  ) =>
    book(item, balances, pending, kind, movementQuantity, movementStockedChange, {
      originator_type: source.originator_type ?? "system",
      originator_id: source.originator_id ?? null,
      actor_id: source.actor_id ?? null,
      reason: source.reason ?? null,
      note: source.note !== undefined ? source.note : OUTSIDE_CHANGE_NOTE,
      metadata: source.metadata ?? null,
      reason_code: source.reason_code ?? null,
    })
  const expectsAmounts =
    attribution?.expected_quantity !== undefined ||
    attribution?.expected_stocked_change !== undefined
  if (!attribution?.kind || !expectsAmounts) {
    const kind = attribution?.kind ?? classifyOutsideChange(stockedChange, quantity)
    bookDrift(kind, quantity, stockedChange, attribution ?? {})
    return balances
  }
  if (attribution.trust_expected) {
    // The operation certainly made its change: whatever else the level
    // shows is `reconciled` first, then the operation's own part in full,
    // even when the level shows no difference at all. That rest reverses
    // an earlier unattributed booking of this very change (a concurrent
    // write or the sweep ledgered the whole level first), or stands for a
    // level Medusa has not moved yet (a rolled-back workflow puts its
    // stock back after Stockroom's compensation), which the next
    // reconciliation books when it does.
    const expectedQuantity = attribution.expected_quantity ?? 0
    const expectedStocked = attribution.expected_stocked_change ?? 0
    const restQuantity = quantity - expectedQuantity
    const restStocked = stockedChange - expectedStocked
    bookDrift(classifyOutsideChange(restStocked, restQuantity), restQuantity, restStocked, {})
    bookDrift(attribution.kind, expectedQuantity, expectedStocked, attribution)
    return balances
  }
  // Book under the operation's kind only what it changed and the level
  // still shows unexplained; whatever else moved is `reconciled`.
  const attributedQuantity = overlap(quantity, attribution.expected_quantity ?? 0)
  const attributedStocked = overlap(stockedChange, attribution.expected_stocked_change ?? 0)
  bookDrift(attribution.kind, attributedQuantity, attributedStocked, attribution)
  const restQuantity = quantity - attributedQuantity
  const restStocked = stockedChange - attributedStocked
  bookDrift(classifyOutsideChange(restStocked, restQuantity), restQuantity, restStocked, {})
  return balances
}

/** Inserts the movements and stores the touched items' new balances, one statement each. */
async function writeLedger(
  manager: EntityManagerLike,
  items: LockedStockItem[],
  pending: PendingMovement[]
): Promise<StockMovementDTO[]> {
  if (!pending.length) {
    return []
  }
  const createdAt = await insertMovements(manager, pending)
  const touched = new Set(pending.map((movement) => movement.stock_item_id))
  await updateStockItemBalances(
    manager,
    items.filter((item) => touched.has(item.id))
  )
  return pending.map((movement) => ({ ...movement, created_at: createdAt.get(movement.id)! }))
}
