/**
 * Why an admin changed stock. Every movement an admin writes carries one;
 * `reason` stays free text beside it.
 */
export const REASON_CODES = [
  "correction",
  "cycle_count",
  "received",
  "return_restock",
  "damaged",
  "shrinkage",
  "promotion",
  "other",
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** The default code of a manual movement: `received` when it adds, `correction` when it takes. */
export function defaultReasonCode(quantity: number): ReasonCode {
  return quantity > 0 ? "received" : "correction"
}
