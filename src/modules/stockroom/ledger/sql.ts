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

/**
 * The pairs as one JSON parameter for `JOIN ${PAIRS_RECORDSET} ON …`: unlike
 * `(…, …) IN ((…), …)`, any number of pairs (PostgreSQL's parser runs out of
 * stack on a row-constructor list of some thousands).
 */
export const PAIRS_RECORDSET = "jsonb_to_recordset(?::jsonb) AS p(inventory_item_id text, location_id text)"

export function pairsJson(pairs: StockItemRef[]): string {
  return JSON.stringify(
    pairs.map(({ inventory_item_id, location_id }) => ({ inventory_item_id, location_id }))
  )
}
