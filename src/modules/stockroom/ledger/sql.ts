import type { StockItemRef } from "../types"

/** The part of MikroORM's entity manager the SQL paths use. */
export type EntityManagerLike = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
}

export { placeholders } from "../lib/ledger"

/** `inventory_item_id|location_id`: the key of a stock item's place. */
export function pairKey(ref: { inventory_item_id: string; location_id: string }): string {
  return `${ref.inventory_item_id}|${ref.location_id}`
}

/** The distinct (inventory item, location) pairs among refs that name both. */
export function uniquePairs(refs: { inventory_item_id: string; location_id: string }[]): StockItemRef[] {
  const pairs = new Map<string, StockItemRef>()
  for (const ref of refs) {
    if (ref.inventory_item_id && ref.location_id) {
      pairs.set(pairKey(ref), {
        inventory_item_id: ref.inventory_item_id,
        location_id: ref.location_id,
      })
    }
  }
  return [...pairs.values()]
}

/** The pairs as flat SQL parameters for `(…, …) IN (…)`. */
export function pairParams(pairs: StockItemRef[]): string[] {
  return pairs.flatMap((pair) => [pair.inventory_item_id, pair.location_id])
}
