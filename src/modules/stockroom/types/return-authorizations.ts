export const RETURN_AUTHORIZATION_STATES = ["authorized", "received", "canceled"] as const
export type ReturnAuthorizationState = (typeof RETURN_AUTHORIZATION_STATES)[number]

/** The most items one return authorization may list. */
export const MAX_RETURN_AUTHORIZATION_ITEMS = 200

/**
 * Units of one order line (and one inventory item) a return authorization
 * covers: the inventory unit row carrying the authorization, and whether the
 * goods can be sold again.
 */
export type ReturnAuthorizationItemDTO = {
  id: string
  return_authorization_id?: string
  inventory_unit_id: string
  line_item_id: string
  variant_id: string | null
  inventory_item_id: string | null
  /** units of the inventory item */
  quantity: number
  /** units of the inventory item in one unit of the order line (kits) */
  required_quantity: number
  resellable: boolean
  /** units put back into stock when received */
  restocked_quantity: number
  created_at: Date | string
  updated_at: Date | string
}

/**
 * Spree's ReturnAuthorization: part of a shipped order the store agreed to
 * take back, the reason, where the goods come back to and the credit owed.
 * Receiving it drives Medusa's own return (`return_id`) and credits the order.
 */
export type ReturnAuthorizationDTO = {
  id: string
  number: string
  order_id: string
  state: ReturnAuthorizationState
  reason: string
  return_reason_id: string | null
  memo: string | null
  amount: number
  currency_code: string
  location_id: string
  return_id: string | null
  /** what Medusa valued the returned items at when received (tax included) */
  items_value: number | null
  created_by: string | null
  received_by: string | null
  canceled_by: string | null
  received_at: Date | string | null
  canceled_at: Date | string | null
  items?: ReturnAuthorizationItemDTO[]
  created_at: Date | string
  updated_at: Date | string
}

/** One item of an authorization request: a unit row or an order line. */
export type ReturnAuthorizationItemInput = {
  inventory_unit_id?: string
  line_item_id?: string
  /** units of the unit's inventory item, or of the order line */
  quantity: number
  resellable?: boolean
}

/**
 * An authorization request resolved against the order: each request names
 * the units it takes, per inventory item (a kit line takes every item).
 */
export type ResolvedReturnAuthorizationRequest = {
  /** take from this unit row only (a unit given by id) */
  inventory_unit_id?: string
  line_item_id: string
  variant_id: string | null
  resellable: boolean
  parts: { inventory_item_id: string; quantity: number; required_quantity: number }[]
}

export type CreateReturnAuthorizationInput = {
  order_id: string
  reason: string
  return_reason_id?: string | null
  memo?: string | null
  amount: number
  currency_code: string
  location_id: string
  created_by?: string | null
  requests: ResolvedReturnAuthorizationRequest[]
}

/** Units coming back through an authorization, per inventory item, once Medusa received them. */
export type ReceiveReturnAuthorizationUnitsInput = {
  return_authorization_id: string
  return_id: string
  /** what Medusa valued the returned items at */
  items_value: number
  received_by?: string | null
  /** the authorization's items Medusa put back into stock at its location */
  restocked_item_ids: string[]
}
