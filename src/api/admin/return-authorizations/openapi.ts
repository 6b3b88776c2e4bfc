import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../openapi/define"
import {
  listResponse,
  nullableTimestamp,
  oneResponse,
  selectable,
  timestamp,
} from "../../../openapi/schemas"
import { RETURN_AUTHORIZATION_STATES } from "../../../modules/stockroom/types"
import { AdminStockMovement } from "../stock-movements/openapi"
import {
  AdminCreateReturnAuthorization,
  AdminGetReturnAuthorizationsParams,
  AdminReturnAuthorizationAction,
} from "./validators"

export const AdminReturnAuthorizationItem = z.looseObject({
  id: z.string(),
  inventory_unit_id: z.string(),
  line_item_id: z.string(),
  variant_id: z.string().nullable(),
  inventory_item_id: z.string().nullable(),
  quantity: z.number().int(),
  required_quantity: z.number().int(),
  resellable: z.boolean(),
  restocked_quantity: z.number().int(),
})

const returnAuthorizationShape = {
  id: z.string(),
  number: z.string(),
  order_id: z.string(),
  state: z.enum(RETURN_AUTHORIZATION_STATES),
  reason: z.string(),
  return_reason_id: z.string().nullable(),
  memo: z.string().nullable(),
  amount: z.number(),
  currency_code: z.string(),
  location_id: z.string(),
  return_id: z.string().nullable(),
  items_value: z.number().nullable(),
  created_by: z.string().nullable(),
  received_by: z.string().nullable(),
  canceled_by: z.string().nullable(),
  received_at: nullableTimestamp,
  canceled_at: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
  items: z.array(AdminReturnAuthorizationItem),
  order: z.looseObject({ id: z.string() }).nullable(),
}

/** An authorization with its items, its order and the movements it wrote. */
export const AdminReturnAuthorization = z.looseObject({
  ...returnAuthorizationShape,
  movements: z.array(AdminStockMovement),
})
export const AdminReturnAuthorizationResponse = oneResponse(
  "return_authorization",
  AdminReturnAuthorization
)
export const AdminReturnAuthorizationListResponse = listResponse(
  "return_authorizations",
  selectable(returnAuthorizationShape)
)

export const operations = defineOperations([
  {
    id: "adminListReturnAuthorizations",
    method: "GET",
    path: "/admin/return-authorizations",
    summary: "List return authorizations",
    query: AdminGetReturnAuthorizationsParams,
    response: AdminReturnAuthorizationListResponse,
  },
  {
    id: "adminCreateReturnAuthorization",
    method: "POST",
    path: "/admin/return-authorizations",
    summary: "Authorize the return of shipped units",
    body: AdminCreateReturnAuthorization,
    response: AdminReturnAuthorizationResponse,
  },
  {
    id: "adminGetReturnAuthorization",
    method: "GET",
    path: "/admin/return-authorizations/{id}",
    summary: "Retrieve a return authorization",
    response: AdminReturnAuthorizationResponse,
  },
  {
    id: "adminReceiveReturnAuthorization",
    method: "POST",
    path: "/admin/return-authorizations/{id}/receive",
    summary: "Receive the authorized units back",
    body: AdminReturnAuthorizationAction,
    response: AdminReturnAuthorizationResponse,
  },
  {
    id: "adminCancelReturnAuthorization",
    method: "POST",
    path: "/admin/return-authorizations/{id}/cancel",
    summary: "Cancel a return authorization",
    body: AdminReturnAuthorizationAction,
    response: AdminReturnAuthorizationResponse,
  },
])
