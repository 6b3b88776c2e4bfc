export type StockLocationSettingDTO = {
  id: string
  stock_location_id: string
  backorderable_default: boolean
  propagate_all_variants: boolean
  restock_inventory: boolean
  /** checkout places a line at the first covering location by priority, lower first */
  allocation_priority: number
  created_at: Date | string
  updated_at: Date | string
}

export type CreateStockLocationSettingDTO = {
  stock_location_id: string
  backorderable_default?: boolean
  propagate_all_variants?: boolean
  restock_inventory?: boolean
  allocation_priority?: number
}

export type UpdateStockLocationSettingDTO = {
  backorderable_default?: boolean
  propagate_all_variants?: boolean
  restock_inventory?: boolean
  allocation_priority?: number
}
