import { model } from "@medusajs/framework/utils"
import { STOCK_TRANSFER_STATES } from "../types"
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
  state: model.enum([...STOCK_TRANSFER_STATES]).default("received"),
  expected_at: model.text().nullable(),
  received_by: model.text().nullable(),
  received_at: model.dateTime().nullable(),
  canceled_at: model.dateTime().nullable(),
  items: model.hasMany(() => StockTransferItem, { mappedBy: "transfer" }),
})

export default StockTransfer
