import type { ActionContext } from "../context"
import { bookStockItems } from "../ledger/book"
import { LockedStock, lockStockItems } from "../ledger/locks"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  ApplyStockChangeInput,
  LedgerResult,
  MovementAttribution,
  SetStockLevelInput,
} from "../types"
import { backorderUnitsBeyondStock, fillBackorders } from "../units/backorders"
import { BatchRowError, batchRowsError } from "./errors"

/**
 * A batch of Stockroom's own changes, all or nothing, in the caller's
 * transaction: every stock item locked in id order (then their levels),
 * each refused row named by its index, then the same booking as a single
 * movement (drift first, running balances, Medusa's levels moved) written
 * set-based; units a decrease left without stock become backordered, and
 * backorders fill.
 */
export async function applyStockChangeBatch(
  context: ActionContext,
  changes: ApplyStockChangeInput[],
  field = "movements"
): Promise<LedgerResult> {
  const locked = await lockStockItems(
    context.manager,
    changes.map((change) => change.stock_item_id)
  )
  const refused = unavailableChanges(locked, changes)
  if (refused.length) {
    throw batchRowsError(field, changes.length, refused, MedusaError.Types.NOT_ALLOWED)
  }
  return await bookAndFill(context, locked, changes)
}

/**
 * Sets absolute physical on-hand levels: under the locks, each level's
 * difference from Medusa's stocked quantity becomes one `adjusted` movement
 * (a zero difference writes nothing). Physical stock is a fact, so a
 * decrease is never refused; units beyond it become backordered.
 */
export async function setStockLevels(
  context: ActionContext,
  levels: SetStockLevelInput[],
  attribution: MovementAttribution
): Promise<LedgerResult & { unchanged: number }> {
  const locked = await lockStockItems(
    context.manager,
    levels.map((level) => level.stock_item_id)
  )
  const changes: ApplyStockChangeInput[] = []
  for (const level of levels) {
    const current = locked.levels.get(level.stock_item_id)!.stocked_quantity
    const difference = level.on_hand - current
    if (difference !== 0) {
      changes.push({
        ...attribution,
        stock_item_id: level.stock_item_id,
        kind: "adjusted",
        quantity: difference,
        stocked_change: difference,
        note: attribution.note ?? `On hand set to ${level.on_hand} (was ${current})`,
      })
    }
  }
  const result = await bookAndFill(context, locked, changes)
  return { ...result, unchanged: levels.length - changes.length }
}

/**
 * The changes an enforced decrease may not make: count on hand, walked in
 * request order from the level's current value (which the booking's drift
 * catch-up makes the ledger's), would go below zero on a stock item that is
 * not backorderable. The same rule the single movement's booking applies.
 */
function unavailableChanges(
  locked: LockedStock,
  changes: ApplyStockChangeInput[]
): BatchRowError[] {
  const items = new Map(locked.items.map((item) => [item.id, item]))
  const countOnHand = new Map<string, number>()
  for (const item of locked.items) {
    const level = locked.levels.get(item.id)!
    countOnHand.set(item.id, level.stocked_quantity - level.reserved_quantity)
  }
  const refused: BatchRowError[] = []
  changes.forEach((change, index) => {
    const item = items.get(change.stock_item_id)!
    const before = countOnHand.get(item.id)!
    const after = before + change.quantity
    countOnHand.set(item.id, after)
    if (change.enforce_availability && change.quantity < 0 && after < 0 && !item.backorderable) {
      refused.push({
        index,
        message: `cannot take ${-change.quantity} from inventory item ${item.inventory_item_id} at location ${item.location_id}: only ${Math.max(before, 0)} available and the stock item is not backorderable`,
      })
    }
  })
  return refused
}

async function bookAndFill(
  context: ActionContext,
  locked: LockedStock,
  changes: ApplyStockChangeInput[]
): Promise<LedgerResult> {
  const { movements, signals } = await bookStockItems(context.manager, locked, {
    changes,
    low_stock_threshold: context.options.low_stock_threshold,
  })
  const decreasedIds = new Set(
    changes.filter((change) => change.stocked_change < 0).map((change) => change.stock_item_id)
  )
  await backorderUnitsBeyondStock(
    context.manager,
    locked.items.filter((item) => decreasedIds.has(item.id))
  )
  return { movements, signals, ...(await fillBackorders(context.manager, locked.items)) }
}
