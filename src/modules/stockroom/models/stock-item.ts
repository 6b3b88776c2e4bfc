import { model } from "@medusajs/framework/utils"

/**
 * One inventory item at one stock location (Spree's StockItem). Its counts
 * live in Medusa's inventory level; the ledger balance columns hold the
 * balances as of the item's last movement, so a change made outside
 * Stockroom shows up as a difference to reconcile.
 */
const StockItem = model
  .define("stock_item", {
    id: model.id({ prefix: "sitem" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    backorderable: model.boolean().default(true),
    low_stock_threshold: model.number().nullable(),
    /** units on hand kept out of sale and out of backorder fills */
    safety_stock: model.number().default(0),
    /** sequence of the last movement written for this item */
    last_sequence: model.number().default(0),
    /** on hand (stocked) after the last movement */
    ledger_on_hand: model.number().default(0),
    /** count on hand (stocked − reserved) after the last movement */
    ledger_count_on_hand: model.number().default(0),
  })
  .indexes([
    {
      name: "IDX_stock_item_inventory_item_location_unique",
      on: ["inventory_item_id", "location_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_stock_item_location_id",
      on: ["location_id"],
      where: "deleted_at IS NULL",
    },
  ])

export default StockItem
