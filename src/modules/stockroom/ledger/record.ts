import type { ActionContext } from "../context"
import type {
  ApplyStockChangeInput,
  LedgerResult,
  ReconcileStockItemInput,
  StockItemRef,
} from "../types"
import { backorderUnitsBeyondStock, fillBackorders } from "../units/backorders"
import { bookStockItems, DriftAttribution } from "./book"
import { LockedStock, lockStockItems, lockStockItemsAt } from "./locks"
import { pairKey } from "./sql"

export const EMPTY_LEDGER_RESULT = (): LedgerResult => ({
  movements: [],
  signals: [],
  filled: [],
  orders_without_backorders: [],
})

/**
 * Stockroom's own changes: under a lock on each stock item (in id order),
 * drift first, then the changes, Medusa's level moved with them; units a
 * decrease left without stock become backordered; backorders fill.
 */
export async function applyStockChanges(
  { manager, options }: ActionContext,
  changes: ApplyStockChangeInput[]
): Promise<LedgerResult> {
  const locked = await lockStockItems(manager, changes.map((change) => change.stock_item_id))
  const { movements, signals } = await bookStockItems(manager, locked, {
    changes,
    low_stock_threshold: options.low_stock_threshold,
  })
  const decreased = locked.items.filter((item) =>
    changes.some((change) => change.stock_item_id === item.id && change.stocked_change < 0)
  )
  await backorderUnitsBeyondStock(manager, decreased)
  return { movements, signals, ...(await fillBackorders(manager, locked.items)) }
}

/**
 * What Medusa changed on its own, per stock item, attributed as given: the
 * difference between each level and its last ledgered balances. An item
 * already in step writes nothing, so a change is recorded once.
 */
export async function reconcileStockItems(
  context: ActionContext,
  inputs: ReconcileStockItemInput[]
): Promise<LedgerResult> {
  const attributions = new Map(inputs.map(({ stock_item_id, ...rest }) => [stock_item_id, rest]))
  const locked = await lockStockItems(context.manager, [...attributions.keys()])
  return await recordDriftAndFill(context, locked, attributions)
}

/** A change an operation made at a place, for attributeAndFill. */
export type PlacedAttribution = StockItemRef & DriftAttribution

/**
 * Locks the stock items at the given places and ledgers what Medusa changed
 * there, attributing to the operation the part it made (several entries for
 * one place add up); then fills backorders there and at `alsoFill`.
 */
export async function attributeAndFill(
  context: ActionContext,
  attributions: PlacedAttribution[],
  alsoFill: StockItemRef[] = []
): Promise<LedgerResult> {
  const byPlace = sumByPlace(attributions)
  const locked = await lockStockItemsAt(context.manager, [...byPlace.values(), ...alsoFill])
  if (!locked.items.length) {
    return EMPTY_LEDGER_RESULT()
  }
  const byItem = new Map<string, DriftAttribution>()
  for (const item of locked.items) {
    const attribution = byPlace.get(pairKey(item))
    if (attribution) {
      byItem.set(item.id, attribution)
    }
  }
  return await recordDriftAndFill(context, locked, byItem)
}

/**
 * Books only what Medusa changed at locked items (no change of Stockroom's
 * own), without filling: for a caller that fills, or must not, itself.
 */
export async function recordDrift(
  { manager, options }: ActionContext,
  locked: LockedStock,
  attributions: Map<string, DriftAttribution>
) {
  return await bookStockItems(manager, locked, {
    attributions,
    low_stock_threshold: options.low_stock_threshold,
  })
}

async function recordDriftAndFill(
  context: ActionContext,
  locked: LockedStock,
  attributions: Map<string, DriftAttribution>
): Promise<LedgerResult> {
  const { movements, signals } = await recordDrift(context, locked, attributions)
  return { movements, signals, ...(await fillBackorders(context.manager, locked.items)) }
}

function sumByPlace(attributions: PlacedAttribution[]): Map<string, PlacedAttribution> {
  const byPlace = new Map<string, PlacedAttribution>()
  for (const attribution of attributions) {
    const known = byPlace.get(pairKey(attribution))
    if (known) {
      known.expected_quantity = (known.expected_quantity ?? 0) + (attribution.expected_quantity ?? 0)
      known.expected_stocked_change =
        (known.expected_stocked_change ?? 0) + (attribution.expected_stocked_change ?? 0)
    } else {
      byPlace.set(pairKey(attribution), { ...attribution })
    }
  }
  return byPlace
}
