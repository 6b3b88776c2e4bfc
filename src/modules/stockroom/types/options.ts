export type StockroomOptions = {
  /** false: behave as if stock were infinite. */
  track_inventory_levels: boolean
  /** false: carts and checkout never take more than the stock available. */
  allow_backorders: boolean
  /** true: backordered units may be fulfilled. */
  allow_backorder_shipping: boolean
  /** false: the store's product listing hides products with no stock. */
  show_zero_stock_products: boolean
  /** Default for new locations: received returns go back into stock. */
  restock_inventory: boolean
  /** Default for new locations' `backorderable_default`. */
  backorderable_default: boolean
  /** Default for new locations: create a stock item for every inventory item. */
  propagate_all_variants: boolean
  /** false: store routes say in_stock / backorderable but hide exact numbers. */
  expose_stock_counts: boolean
  /** Default threshold for low-stock events and admin highlighting. */
  low_stock_threshold: number | null
  /** false: Stockroom registers no workflow hook; the store calls the exported handlers. */
  register_workflow_hooks: boolean
  /** The Notification Module template of the back-in-stock email. */
  back_in_stock_template: string
  /** false: no low-stock, out-of-stock or stale-backorder alerts in the admin's notification feed. */
  admin_alerts: boolean
  /** Days a backorder may wait before the admin's feed is alerted. */
  backorder_alert_days: number
  /** minutes a cart's checkout hold lasts; null or 0: holds are off */
  checkout_hold_minutes: number | null
}

export type StockroomOptionsInput = Partial<StockroomOptions>
