import { model } from "@medusajs/framework/utils"
import { STOCK_COUNT_STATES } from "../types"
import StockCountItem from "./stock-count-item"

/**
 * A stocktake of one location: opened with the items to count, counted
 * (repeatedly, the last count of an item wins), then applied — one
 * `adjusted` movement per difference — or canceled. `number` comes from a
 * database sequence (SC-1001, SC-1002, …).
 */
const StockCount = model
  .define("stock_count", {
    id: model.id({ prefix: "scount" }).primaryKey(),
    number: model.text(),
    location_id: model.text(),
    state: model.enum([...STOCK_COUNT_STATES]).default("open"),
    created_by: model.text().nullable(),
    applied_by: model.text().nullable(),
    applied_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    items: model.hasMany(() => StockCountItem, { mappedBy: "stock_count" }),
  })
  .indexes([
    { name: "IDX_stock_count_number_unique", on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_stock_count_location_id", on: ["location_id"], where: "deleted_at IS NULL" },
  ])

export default StockCount
