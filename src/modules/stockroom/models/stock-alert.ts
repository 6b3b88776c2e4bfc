import { model } from "@medusajs/framework/utils"

/**
 * An admin alert raised for a stock item (low stock, out of stock, a
 * backorder waiting too long): one row per item and kind, so each crossing
 * is posted once. `sequence` is the item's ledger sequence when the alert
 * was raised; a later movement back above the line re-arms it.
 */
const StockAlert = model
  .define("stock_alert", {
    id: model.id({ prefix: "salrt" }).primaryKey(),
    stock_item_id: model.text(),
    kind: model.enum(["low_stock", "out_of_stock", "backorder_age"]),
    sequence: model.number().default(0),
    raised_at: model.dateTime(),
  })
  .indexes([
    {
      name: "IDX_stock_alert_item_kind_unique",
      on: ["stock_item_id", "kind"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default StockAlert
