import type { StockMovementDTO } from "./ledger"
import type { StockTransferState } from "./purchase-orders"

export type StockTransferItemDTO = {
  id: string
  transfer_id?: string
  inventory_item_id: string
  variant_id: string | null
  quantity: number
  received_quantity?: number
  rejected_quantity?: number
  rejection_reason?: string | null
  created_at: Date | string
  updated_at: Date | string
}

/**
 * A move of stock between two locations; no source means a receipt from a
 * supplier. Its movements carry originator `stock_transfer` and its id.
 */
export type StockTransferDTO = {
  id: string
  reference: string | null
  source_location_id: string | null
  destination_location_id: string
  created_by: string | null
  state?: StockTransferState
  expected_at?: string | null
  received_by?: string | null
  received_at?: Date | string | null
  canceled_at?: Date | string | null
  items?: StockTransferItemDTO[]
  created_at: Date | string
  updated_at: Date | string
}

/** A transfer with its items and the movements it wrote, as the admin API returns it. */
export type StockTransferWithMovementsDTO = StockTransferDTO & {
  items: StockTransferItemDTO[]
  movements: StockMovementDTO[]
}

/** One line of a transfer as requested: an inventory item or a single-item variant. */
export type StockTransferLineInput = {
  inventory_item_id?: string
  variant_id?: string
  quantity: number
}

/** One line once its variant is resolved to the inventory item that moves. */
export type ResolvedStockTransferLine = {
  inventory_item_id: string
  variant_id: string | null
  quantity: number
}
