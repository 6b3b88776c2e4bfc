import { model } from "@medusajs/framework/utils"

/**
 * Stockroom's settings for one Medusa stock location (1:1). Created with the
 * plugin's defaults when the location is created.
 */
const StockLocationSetting = model
  .define("stock_location_setting", {
    id: model.id({ prefix: "srls" }).primaryKey(),
    stock_location_id: model.text(),
    backorderable_default: model.boolean().default(true),
    propagate_all_variants: model.boolean().default(true),
    restock_inventory: model.boolean().default(true),
    /** Checkout places a line at the first location by priority (lower first) that covers it. */
    allocation_priority: model.number().default(0),
  })
  .indexes([
    {
      name: "IDX_stock_location_setting_stock_location_id_unique",
      on: ["stock_location_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default StockLocationSetting
