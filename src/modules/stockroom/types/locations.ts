export type StockLocationSettingDTO = {
  id: string
  stock_location_id: string
  backorderable_default: boolean
  propagate_all_variants: boolean
  restock_inventory: boolean
  created_at: Date | string
  updated_at: Date | string
}

export type CreateStockLocationSettingDTO = {
  stock_location_id: string
  backorderable_default?: boolean
  propagate_all_variants?: boolean
  restock_inventory?: boolean
}

export type UpdateStockLocationSettingDTO = {
  backorderable_default?: boolean
  propagate_all_variants?: boolean
  restock_inventory?: boolean
}
