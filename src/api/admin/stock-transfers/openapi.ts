import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import {
  calendarDate,
  listResponse,
  nullableTimestamp,
  oneResponse,
  selectable,
  timestamp,
} from "../../../openapi/schemas"
import { STOCK_TRANSFER_STATES } from "../../../modules/stockroom/types"
import { AdminEmptyBody, AdminReceiveStockTransfer } from "../purchase-orders/validators"
import { AdminStockMovement } from "../stock-movements/openapi"
import { AdminCreateStockTransfer, AdminGetStockTransfersParams } from "./validators"

const stockTransferShape = {
  id: z.string(),
  reference: z.string().nullable(),
  source_location_id: z.string().nullable(),
  destination_location_id: z.string(),
  created_by: z.string().nullable(),
  state: z.enum(STOCK_TRANSFER_STATES),
  expected_at: calendarDate.nullable(),
  received_by: z.string().nullable(),
  received_at: nullableTimestamp,
  canceled_at: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
}

export const AdminStockTransferItem = z.looseObject({
  id: z.string(),
  inventory_item_id: z.string(),
  variant_id: z.string().nullable(),
  quantity: z.number().int(),
})

/** A transfer with its lines and the movements it wrote. */
export const AdminStockTransfer = z.looseObject({
  ...stockTransferShape,
  items: z.array(AdminStockTransferItem),
  movements: z.array(AdminStockMovement),
})
export const AdminStockTransferResponse = oneResponse("stock_transfer", AdminStockTransfer)
export const AdminStockTransferListResponse = listResponse(
  "stock_transfers",
  selectable({ ...stockTransferShape, items: z.array(AdminStockTransferItem) })
)

export const operations = defineOperations([
  {
    id: "adminListStockTransfers",
    method: "GET",
    path: "/admin/stock-transfers",
    summary: "List stock transfers",
    query: AdminGetStockTransfersParams,
    response: AdminStockTransferListResponse,
  },
  {
    id: "adminCreateStockTransfer",
    method: "POST",
    path: "/admin/stock-transfers",
    summary: "Move stock between locations (or into one), at once or in transit",
    body: AdminCreateStockTransfer,
    response: AdminStockTransferResponse,
  },
  {
    id: "adminGetStockTransfer",
    method: "GET",
    path: "/admin/stock-transfers/{id}",
    summary: "Retrieve a stock transfer",
    response: AdminStockTransferResponse,
  },
  {
    id: "adminReceiveStockTransfer",
    method: "POST",
    path: "/admin/stock-transfers/{id}/receive",
    summary: "Receive a transfer in transit at its destination",
    body: AdminReceiveStockTransfer,
    response: AdminStockTransferResponse,
  },
  {
    id: "adminCancelStockTransfer",
    method: "POST",
    path: "/admin/stock-transfers/{id}/cancel",
    summary: "Cancel a transfer in transit: its stock returns to the source",
    body: AdminEmptyBody,
    response: AdminStockTransferResponse,
  },
])
