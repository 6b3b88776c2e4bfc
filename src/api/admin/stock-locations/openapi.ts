import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import { oneResponse, timestamp } from "../../../openapi/schemas"
import { AdminUpdateStockLocationSetting } from "./validators"

export const AdminStockLocationSetting = z.looseObject({
  id: z.string(),
  stock_location_id: z.string(),
  backorderable_default: z.boolean(),
  propagate_all_variants: z.boolean(),
  restock_inventory: z.boolean(),
  allocation_priority: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
})
export const AdminStockLocationSettingResponse = oneResponse(
  "stock_location_setting",
  AdminStockLocationSetting
)

export const operations = defineOperations([
  {
    id: "adminGetStockLocationSetting",
    method: "GET",
    path: "/admin/stock-locations/{id}/stockroom",
    summary: "A location's Stockroom settings",
    response: AdminStockLocationSettingResponse,
  },
  {
    id: "adminUpdateStockLocationSetting",
    method: "POST",
    path: "/admin/stock-locations/{id}/stockroom",
    summary: "Change a location's Stockroom settings",
    body: AdminUpdateStockLocationSetting,
    response: AdminStockLocationSettingResponse,
  },
])
