import StockLocationModule from "@medusajs/medusa/stock-location"
import { defineLink } from "@medusajs/framework/utils"
import StockroomModule from "../modules/stockroom"

/**
 * stock_location → its Stockroom settings. Read-only: the setting row stores
 * the location id itself, so no link table is needed and nothing can drift.
 */
export default defineLink(
  { linkable: StockLocationModule.linkable.stockLocation, field: "id" },
  {
    ...StockroomModule.linkable.stockLocationSetting.id,
    primaryKey: "stock_location_id",
  },
  { readOnly: true }
)
