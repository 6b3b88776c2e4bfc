import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import StockroomModule from "../modules/stockroom"

/**
 * return_authorization → its order. Read-only: the authorization stores the
 * order id itself, so no link table is needed and nothing can drift.
 */
export default defineLink(
  { linkable: StockroomModule.linkable.returnAuthorization, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
