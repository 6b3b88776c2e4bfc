/** A cart or checkout asking for more of a variant than may be sold. */
export type CheckoutShortfall = {
  variant_id: string | null
  inventory_item_id?: string
  location_id?: string
  requested: number
  available: number
}

/**
 * The refusal a customer sees: each short variant with what was asked and
 * what is available, e.g. `Not enough stock: variant_01 (5 requested, 2
 * available)`.
 */
export function describeCheckoutShortfalls(shortfalls: CheckoutShortfall[]): string {
  const parts = shortfalls.map(
    (shortfall) =>
      `${shortfall.variant_id ?? shortfall.inventory_item_id} (${shortfall.requested} requested, ${shortfall.available} available)`
  )
  return `Not enough stock: ${parts.join("; ")}`
}
