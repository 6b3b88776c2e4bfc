import { model } from "@medusajs/framework/utils"
import StockTransferItem from "./stock-transfer-item"

/**
 * A move of stock between two locations, or a receipt from a supplier when
 * there is no source. Its movements are originated by the transfer.
 */
const StockTransfer = model.define("stock_transfer", {
  id: model.id({ prefix: "stran" }).primaryKey(),
  reference: model.text().nullable(),
  source_location_id: model.text().nullable(),
  destination_location_id: model.text(),
  created_by: model.text().nullable(),
  items: model.hasMany(() => StockTransferItem, { mappedBy: "transfer" }),
})

export default StockTransfer
