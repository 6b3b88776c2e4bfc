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
import { PURCHASE_ORDER_STATES } from "../../../modules/stockroom/types"
import { AdminStockMovement } from "../stock-movements/openapi"
import {
  AdminCreatePurchaseOrder,
  AdminEmptyBody,
  AdminGetPurchaseOrdersParams,
  AdminReceivePurchaseOrder,
  AdminUpdatePurchaseOrder,
} from "./validators"

const purchaseOrderShape = {
  id: z.string(),
  number: z.string(),
  supplier: z.string(),
  reference: z.string().nullable(),
  location_id: z.string(),
  state: z.enum(PURCHASE_ORDER_STATES),
  expected_at: calendarDate.nullable(),
  note: z.string().nullable(),
  currency_code: z.string().nullable(),
  created_by: z.string().nullable(),
  ordered_at: nullableTimestamp,
  closed_at: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
}

export const AdminPurchaseOrderItem = z.looseObject({
  id: z.string(),
  inventory_item_id: z.string(),
  variant_id: z.string().nullable(),
  quantity: z.number().int(),
  received_quantity: z.number().int(),
  rejected_quantity: z.number().int(),
  unit_cost: z.number().nullable(),
})

export const AdminPurchaseOrderReceipt = z.looseObject({
  id: z.string(),
  received_by: z.string().nullable(),
  note: z.string().nullable(),
  complete: z.boolean(),
  lines: z.array(
    z.looseObject({
      id: z.string(),
      purchase_order_item_id: z.string(),
      inventory_item_id: z.string(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      rejection_reason: z.string().nullable(),
    })
  ),
  created_at: timestamp,
})

/** A purchase order with its lines, receipts and the movements its receipts wrote. */
export const AdminPurchaseOrder = z.looseObject({
  ...purchaseOrderShape,
  items: z.array(AdminPurchaseOrderItem),
  receipts: z.array(AdminPurchaseOrderReceipt),
  movements: z.array(AdminStockMovement),
})
export const AdminPurchaseOrderResponse = oneResponse("purchase_order", AdminPurchaseOrder)
export const AdminPurchaseOrderListResponse = listResponse(
  "purchase_orders",
  selectable(purchaseOrderShape)
)

export const operations = defineOperations([
  {
    id: "adminListPurchaseOrders",
    method: "GET",
    path: "/admin/purchase-orders",
    summary: "List purchase orders",
    query: AdminGetPurchaseOrdersParams,
    response: AdminPurchaseOrderListResponse,
  },
  {
    id: "adminCreatePurchaseOrder",
    method: "POST",
    path: "/admin/purchase-orders",
    summary: "Create a purchase order (draft, or ordered at once)",
    body: AdminCreatePurchaseOrder,
    response: AdminPurchaseOrderResponse,
  },
  {
    id: "adminGetPurchaseOrder",
    method: "GET",
    path: "/admin/purchase-orders/{id}",
    summary: "Retrieve a purchase order",
    response: AdminPurchaseOrderResponse,
  },
  {
    id: "adminUpdatePurchaseOrder",
    method: "POST",
    path: "/admin/purchase-orders/{id}",
    summary: "Change a draft purchase order",
    body: AdminUpdatePurchaseOrder,
    response: AdminPurchaseOrderResponse,
  },
  {
    id: "adminOrderPurchaseOrder",
    method: "POST",
    path: "/admin/purchase-orders/{id}/order",
    summary: "Place a draft purchase order: its quantities become incoming",
    body: AdminEmptyBody,
    response: AdminPurchaseOrderResponse,
  },
  {
    id: "adminReceivePurchaseOrder",
    method: "POST",
    path: "/admin/purchase-orders/{id}/receive",
    summary: "Receive goods against a purchase order",
    body: AdminReceivePurchaseOrder,
    response: AdminPurchaseOrderResponse,
  },
  {
    id: "adminCancelPurchaseOrder",
    method: "POST",
    path: "/admin/purchase-orders/{id}/cancel",
    summary: "Cancel a purchase order",
    body: AdminEmptyBody,
    response: AdminPurchaseOrderResponse,
  },
])
