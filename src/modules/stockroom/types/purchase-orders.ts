import type { StockMovementDTO } from "./ledger"

export const PURCHASE_ORDER_STATES = [
  "draft",
  "ordered",
  "partially_received",
  "received",
  "canceled",
] as const
export type PurchaseOrderState = (typeof PURCHASE_ORDER_STATES)[number]

/** States in which a purchase order still has goods on their way. */
export const OPEN_PURCHASE_ORDER_STATES = ["ordered", "partially_received"] as const

/** The most items one purchase order may list. */
export const MAX_PURCHASE_ORDER_ITEMS = 1000

export const STOCK_TRANSFER_STATES = ["in_transit", "received", "canceled"] as const
export type StockTransferState = (typeof STOCK_TRANSFER_STATES)[number]

export type PurchaseOrderItemDTO = {
  id: string
  purchase_order_id?: string
  inventory_item_id: string
  variant_id: string | null
  quantity: number
  received_quantity: number
  rejected_quantity: number
  unit_cost: number | null
  created_at: Date | string
  updated_at: Date | string
}

export type PurchaseOrderReceiptLineDTO = {
  id: string
  receipt_id?: string
  purchase_order_item_id: string
  inventory_item_id: string
  accepted: number
  rejected: number
  rejection_reason: string | null
}

export type PurchaseOrderReceiptDTO = {
  id: string
  purchase_order_id?: string
  received_by: string | null
  note: string | null
  complete: boolean
  lines?: PurchaseOrderReceiptLineDTO[]
  created_at: Date | string
}

/**
 * Goods ordered from a supplier for one location. `number` comes from a
 * database sequence (PO-1001, …); `expected_at` is a date (`YYYY-MM-DD`).
 */
export type PurchaseOrderDTO = {
  id: string
  number: string
  supplier: string
  reference: string | null
  location_id: string
  state: PurchaseOrderState
  expected_at: string | null
  note: string | null
  currency_code: string | null
  created_by: string | null
  ordered_at: Date | string | null
  closed_at: Date | string | null
  items?: PurchaseOrderItemDTO[]
  receipts?: PurchaseOrderReceiptDTO[]
  movements?: StockMovementDTO[]
  created_at: Date | string
  updated_at: Date | string
}

/** One line of a purchase order once its variant is resolved. */
export type PurchaseOrderLineInput = {
  inventory_item_id: string
  variant_id?: string | null
  quantity: number
  unit_cost?: number | null
}

export type CreatePurchaseOrderInput = {
  supplier: string
  location_id: string
  items: PurchaseOrderLineInput[]
  expected_at?: string | null
  reference?: string | null
  note?: string | null
  currency_code?: string | null
  ordered?: boolean
  created_by?: string | null
}

export type UpdatePurchaseOrderInput = {
  id: string
  supplier?: string
  location_id?: string
  items?: PurchaseOrderLineInput[]
  expected_at?: string | null
  reference?: string | null
  note?: string | null
  currency_code?: string | null
}

/** What an edit of a purchase order replaced: the fields it set, as they were, and the items when it replaced them. */
export type PurchaseOrderEditUndo = {
  id: string
  fields: Record<string, unknown>
  items: Record<string, unknown>[] | null
}

/**
 * What a receipt or cancel of a transfer in transit changed, for its
 * compensation: the movements it booked, the counts it added per item (with
 * the rejection reason the item had) and whether it closed the transfer.
 */
export type StockTransferUndo = {
  transfer_id: string
  movement_ids: string[]
  lines: { item_id: string; accepted: number; rejected: number; rejection_reason: string | null }[]
  closed: boolean
}

/** One line of a receipt: what arrived of an item, and what was refused. */
export type ReceiptLineInput = {
  inventory_item_id: string
  accepted: number
  rejected?: number
  rejection_reason?: string | null
}

export type ReceivePurchaseOrderInput = {
  id: string
  items: ReceiptLineInput[]
  note?: string | null
  received_by?: string | null
}

export type ReceiveStockTransferInput = {
  id: string
  /** default: everything outstanding accepted */
  items?: ReceiptLineInput[]
  received_by?: string | null
}

/** Outstanding incoming quantity and its earliest date at one stock item. */
export type IncomingStock = {
  inventory_item_id: string
  location_id: string
  incoming: number
  next_expected_at: string | null
}

/** Where a backordered unit stands: its place in the queue and the date that covers it. */
export type BackorderEta = {
  inventory_unit_id: string
  queue_position: number
  expected_at: string | null
}
