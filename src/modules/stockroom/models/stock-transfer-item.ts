import { model } from "@medusajs/framework/utils"
import StockTransfer from "./stock-transfer"

const StockTransferItem = model.define("stock_transfer_item", {
  id: model.id({ prefix: "stritem" }).primaryKey(),
  inventory_item_id: model.text(),
  variant_id: model.text().nullable(),
  quantity: model.number(),
  received_quantity: model.number().default(0),
  rejected_quantity: model.number().default(0),
  rejection_reason: model.text().nullable(),
  transfer: model.belongsTo(() => StockTransfer, { mappedBy: "items" }),
})

export default StockTransferItem
