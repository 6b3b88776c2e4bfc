export const STOCK_COUNT_STATES = ["open", "applied", "canceled"] as const
export type StockCountState = (typeof STOCK_COUNT_STATES)[number]

export type StockCountItemDTO = {
  id: string
  stock_count_id: string
  stock_item_id: string
  inventory_item_id: string
  sku: string | null
  /** on hand when the count was opened */
  expected: number
  counted: number | null
  counted_at: Date | string | null
  /** on hand at counted_at, read from the ledger's running balance */
  expected_at_count: number | null
  /** counted − expected_at_count */
  difference: number | null
  movement_id: string | null
}

export type StockCountDTO = {
  id: string
  number: string
  location_id: string
  state: StockCountState
  created_by: string | null
  applied_by: string | null
  applied_at: Date | string | null
  canceled_at: Date | string | null
  created_at: Date | string
  items?: StockCountItemDTO[]
}

export type OpenStockCountInput = {
  location_id: string
  inventory_item_ids?: string[]
  created_by?: string | null
}

export type RecordStockCountInput = {
  items: { inventory_item_id?: string; sku?: string; counted: number; counted_at?: Date | string }[]
}
