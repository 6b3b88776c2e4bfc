import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import { listResponse, oneResponse, selectable, timestamp } from "../../../openapi/schemas"
import {
  ORIGINATOR_TYPES,
  REASON_CODES,
  STOCK_MOVEMENT_KINDS,
} from "../../../modules/stockroom/types"
import {
  AdminCreateStockMovement,
  AdminExportStockMovementsParams,
  AdminGetStockMovementsParams,
} from "./validators"

const stockMovementShape = {
  id: z.string(),
  stock_item_id: z.string(),
  inventory_item_id: z.string(),
  location_id: z.string(),
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  quantity: z.number().int(),
  stocked_change: z.number().int(),
  count_on_hand_after: z.number().int(),
  stocked_after: z.number().int(),
  sequence: z.number().int(),
  originator_type: z.enum(ORIGINATOR_TYPES).nullable(),
  originator_id: z.string().nullable(),
  actor_id: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  reason_code: z.enum(REASON_CODES).nullable(),
  created_at: timestamp,
}

/** One ledger row. */
export const AdminStockMovement = z.looseObject(stockMovementShape)
export const AdminStockMovementResponse = oneResponse("stock_movement", AdminStockMovement)
export const AdminStockMovementListResponse = listResponse(
  "stock_movements",
  selectable(stockMovementShape)
)

export const operations = defineOperations([
  {
    id: "adminListStockMovements",
    method: "GET",
    path: "/admin/stock-movements",
    summary: "List the stock-movement ledger",
    query: AdminGetStockMovementsParams,
    response: AdminStockMovementListResponse,
  },
  {
    id: "adminCreateStockMovement",
    method: "POST",
    path: "/admin/stock-movements",
    summary: "Record a manual movement (received or adjusted)",
    body: AdminCreateStockMovement,
    response: AdminStockMovementResponse,
  },
  {
    id: "adminGetStockMovement",
    method: "GET",
    path: "/admin/stock-movements/{id}",
    summary: "Retrieve one movement",
    response: AdminStockMovementResponse,
  },
  {
    id: "adminExportStockMovements",
    method: "GET",
    path: "/admin/stock-movements/export",
    summary: "Export the ledger as CSV (same filters as the list)",
    query: AdminExportStockMovementsParams,
    response: z.string().describe("CSV, one movement a row, with a header row"),
    contentType: "text/csv",
  },
])
