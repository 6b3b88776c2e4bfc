import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import {
  listResponse,
  nullableTimestamp,
  oneResponse,
  selectable,
  timestamp,
} from "../../../openapi/schemas"
import { STOCK_COUNT_STATES } from "../../../modules/stockroom/types"
import {
  AdminGetStockCountsParams,
  AdminOpenStockCount,
  AdminRecordStockCount,
  AdminStockCountAction,
} from "./validators"

const stockCountShape = {
  id: z.string(),
  number: z.string(),
  location_id: z.string(),
  state: z.enum(STOCK_COUNT_STATES),
  created_by: z.string().nullable(),
  applied_by: z.string().nullable(),
  applied_at: nullableTimestamp,
  canceled_at: nullableTimestamp,
  created_at: timestamp,
}

export const AdminStockCountItem = z.looseObject({
  id: z.string(),
  stock_count_id: z.string(),
  stock_item_id: z.string(),
  inventory_item_id: z.string(),
  sku: z.string().nullable(),
  expected: z.number().int(),
  counted: z.number().int().nullable(),
  counted_at: nullableTimestamp,
  expected_at_count: z.number().int().nullable(),
  difference: z.number().int().nullable(),
  movement_id: z.string().nullable(),
})

export const AdminStockCount = z.looseObject({
  ...stockCountShape,
  items: z.array(AdminStockCountItem),
})
export const AdminStockCountResponse = oneResponse("stock_count", AdminStockCount)
export const AdminStockCountListResponse = listResponse(
  "stock_counts",
  selectable(stockCountShape)
)

export const operations = defineOperations([
  {
    id: "adminListStockCounts",
    method: "GET",
    path: "/admin/stock-counts",
    summary: "List stock counts",
    query: AdminGetStockCountsParams,
    response: AdminStockCountListResponse,
  },
  {
    id: "adminOpenStockCount",
    method: "POST",
    path: "/admin/stock-counts",
    summary: "Open a count at a location: the expected quantities are frozen",
    body: AdminOpenStockCount,
    response: AdminStockCountResponse,
  },
  {
    id: "adminGetStockCount",
    method: "GET",
    path: "/admin/stock-counts/{id}",
    summary: "Retrieve a stock count with its lines",
    response: AdminStockCountResponse,
  },
  {
    id: "adminRecordStockCount",
    method: "POST",
    path: "/admin/stock-counts/{id}/items",
    summary: "Record counted quantities (by inventory item or SKU)",
    body: AdminRecordStockCount,
    response: AdminStockCountResponse,
  },
  {
    id: "adminApplyStockCount",
    method: "POST",
    path: "/admin/stock-counts/{id}/apply",
    summary: "Apply a count: each difference becomes a movement",
    body: AdminStockCountAction,
    response: AdminStockCountResponse,
  },
  {
    id: "adminCancelStockCount",
    method: "POST",
    path: "/admin/stock-counts/{id}/cancel",
    summary: "Cancel an open count",
    body: AdminStockCountAction,
    response: AdminStockCountResponse,
  },
])
