import type { ActionContext } from "../context"
import { lockStockItems } from "../ledger/locks"
import { EMPTY_LEDGER_RESULT } from "../ledger/record"
import type { LedgerResult } from "../types"
import { fillBackorders } from "../units/backorders"

/**
 * Sets a stock item's safety stock under the lock on it. No movement: stock
 * does not change, only how much of it may be sold. Lowering it frees stock
 * for the backorders waiting there, which fill at once (invariant 4);
 * raising it takes nothing from units already on hand.
 */
export async function setSafetyStock(
  { manager }: ActionContext,
  stockItemId: string,
  safetyStock: number
): Promise<LedgerResult & { previous_safety_stock: number }> {
  const locked = await lockStockItems(manager, [stockItemId])
  const [item] = locked.items
  const previous = item.safety_stock
  if (previous === safetyStock) {
    return { ...EMPTY_LEDGER_RESULT(), previous_safety_stock: previous }
  }
  await manager.execute(`UPDATE stock_item SET safety_stock = ?, updated_at = now() WHERE id = ?`, [
    safetyStock,
    stockItemId,
  ])
  item.safety_stock = safetyStock
  const fills = safetyStock < previous ? await fillBackorders(manager, locked.items) : EMPTY_LEDGER_RESULT()
  return {
    movements: [],
    signals: [],
    filled: fills.filled,
    orders_without_backorders: fills.orders_without_backorders,
    previous_safety_stock: previous,
  }
}
