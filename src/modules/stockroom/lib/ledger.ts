import { MedusaError } from "@medusajs/framework/utils"
import type { StockMovementKind } from "../types"

/** Medusa stores quantities as numeric + a raw JSON twin; both are kept in step. */
export const RAW_PRECISION = 20

export type LockedStockItem = {
  id: string
  inventory_item_id: string
  location_id: string
  backorderable: boolean
  low_stock_threshold: number | null
  /** on hand kept out of sale and out of backorder fills */
  safety_stock: number
  last_sequence: number
  ledger_on_hand: number
  ledger_count_on_hand: number
}

export type LockedLevel = {
  id: string
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
}

export type StockSignal = {
  name: "low_stock" | "out_of_stock" | "back_in_stock"
  stock_item_id: string
  inventory_item_id: string
  location_id: string
  count_on_hand: number
  threshold: number | null
}

/**
 * What a run of movements did to a stock item's count on hand, as the
 * events merchants subscribe to: crossing the low-stock threshold, running
 * out, coming back.
 */
export function stockSignals(
  item: Pick<LockedStockItem, "id" | "inventory_item_id" | "location_id">,
  threshold: number | null,
  before: number,
  after: number
): StockSignal[] {
  const base = {
    stock_item_id: item.id,
    inventory_item_id: item.inventory_item_id,
    location_id: item.location_id,
    count_on_hand: after,
    threshold,
  }
  const signals: StockSignal[] = []
  if (before > 0 && after <= 0) {
    signals.push({ ...base, name: "out_of_stock" })
  } else if (before <= 0 && after > 0) {
    signals.push({ ...base, name: "back_in_stock" })
  }
  if (
    threshold !== null &&
    after > 0 &&
    after <= threshold &&
    before > threshold
  ) {
    signals.push({ ...base, name: "low_stock" })
  }
  return signals
}

/**
 * Names a change Medusa made on its own, from how it moved the two counts:
 * a reservation alone is an allocation or a release; anything else is a
 * reconciliation unless the caller knows better.
 */
export function classifyOutsideChange(
  stockedChange: number,
  countOnHandChange: number
): StockMovementKind {
  if (stockedChange === 0 && countOnHandChange < 0) {
    return "allocated"
  }
  if (stockedChange === 0 && countOnHandChange > 0) {
    return "released"
  }
  return "reconciled"
}

export function assertWholeNumber(value: number, what: string) {
  if (!Number.isSafeInteger(value)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${what} must be a whole number, got ${value}`
    )
  }
}

export function placeholders(count: number, group = "?"): string {
  return Array.from({ length: count }, () => group).join(", ")
}
