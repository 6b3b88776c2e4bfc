import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import {
  calendarDate,
  listResponse,
  oneResponse,
  selectable,
  timestamp,
} from "../../../openapi/schemas"
import { AdminGetStockItemsParams, AdminUpdateStockItem } from "./validators"

const stockItemShape = {
  id: z.string(),
  inventory_item_id: z.string(),
  location_id: z.string(),
  backorderable: z.boolean(),
  low_stock_threshold: z.number().int().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
  on_hand: z.number().int(),
  allocated: z.number().int(),
  count_on_hand: z.number().int(),
  backordered_quantity: z.number().int(),
  effective_low_stock_threshold: z.number().int().nullable(),
  low_stock: z.boolean(),
  incoming: z.number().int(),
  next_expected_at: calendarDate.nullable(),
  safety_stock: z.number().int().optional(),
  sellable: z.number().int().optional(),
  held: z.number().int().optional(),
}

/** A stock item with its live counts. */
export const AdminStockItem = z.looseObject(stockItemShape)
export const AdminStockItemResponse = oneResponse("stock_item", AdminStockItem)
export const AdminStockItemListResponse = listResponse("stock_items", selectable(stockItemShape))

export const operations = defineOperations([
  {
    id: "adminListStockItems",
    method: "GET",
    path: "/admin/stock-items",
    summary: "List stock items with their live counts",
    query: AdminGetStockItemsParams,
    response: AdminStockItemListResponse,
  },
  {
    id: "adminGetStockItem",
    method: "GET",
    path: "/admin/stock-items/{id}",
    summary: "Retrieve a stock item with its live counts",
    response: AdminStockItemResponse,
  },
  {
    id: "adminUpdateStockItem",
    method: "POST",
    path: "/admin/stock-items/{id}",
    summary: "Change a stock item's backorderable flag, low-stock threshold or safety stock",
    body: AdminUpdateStockItem,
    response: AdminStockItemResponse,
  },
])
