/**
 * Sellable stock — the one definition every check, placement, fill and
 * storefront answer uses.
 *
 * A stock item's `safety_stock` is physical stock kept out of sale and out
 * of backorder fills. So:
 *
 * - what a cart may take at a location is
 *   `sellable = count on hand (stocked − reserved) − safety stock − other carts' live holds`;
 * - what new or waiting units may take as on_hand at a location is the
 *   physical side of the same rule,
 *   `free for units = on hand (stocked) − safety stock − unshipped on_hand units`.
 *
 * Both may be negative (backorder debt, or safety stock above what is
 * there); callers clamp where a count is shown.
 */

/**
 * SQL for a stock item's safety stock, from the stock item aliased
 * `stockItem` (0 when the row is missing from a LEFT JOIN).
 */
export function safetyStockSql(stockItem: string): string {
  return `COALESCE(${stockItem}.safety_stock, 0)`
}

/**
 * SQL for what a cart may take of the Medusa level aliased `level` whose
 * stock item is aliased `stockItem`; `holds` is SQL for the live holds that
 * count against it (see liveHoldsSql).
 */
export function sellableSql(level: string, stockItem: string, holds: string): string {
  return `(COALESCE(${level}.stocked_quantity - ${level}.reserved_quantity, 0)
           - ${safetyStockSql(stockItem)} - ${holds})`
}

/** What a cart may take, from the counts of one stock item. */
export function sellableQuantity(counts: {
  count_on_hand: number
  safety_stock: number
  held?: number
}): number {
  return counts.count_on_hand - counts.safety_stock - (counts.held ?? 0)
}

/** What new or waiting units may take as on_hand, from the physical counts of one stock item. */
export function freeForUnits(counts: {
  on_hand: number
  safety_stock: number
  on_hand_units: number
}): number {
  return counts.on_hand - counts.safety_stock - counts.on_hand_units
}
