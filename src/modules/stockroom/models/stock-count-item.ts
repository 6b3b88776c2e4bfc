import { model } from "@medusajs/framework/utils"
import StockCount from "./stock-count"

/**
 * One stock item in a count: what was on hand when the count opened, the
 * last count recorded and when, and the ledger's on hand at that moment.
 */
const StockCountItem = model
  .define("stock_count_item", {
    id: model.id({ prefix: "scitem" }).primaryKey(),
    stock_item_id: model.text(),
    inventory_item_id: model.text(),
    sku: model.text().nullable(),
    expected: model.number(),
    counted: model.number().nullable(),
    counted_at: model.dateTime().nullable(),
    expected_at_count: model.number().nullable(),
    difference: model.number().nullable(),
    movement_id: model.text().nullable(),
    stock_count: model.belongsTo(() => StockCount, { mappedBy: "items" }),
  })
  .indexes([
    {
      name: "IDX_stock_count_item_count_stock_item_unique",
      on: ["stock_count_id", "stock_item_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default StockCountItem
