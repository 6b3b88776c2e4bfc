import { model } from "@medusajs/framework/utils"
import { PURCHASE_ORDER_STATES } from "../types"
import PurchaseOrderItem from "./purchase-order-item"
import PurchaseOrderReceipt from "./purchase-order-receipt"

/**
 * Goods ordered from a supplier for one location. `number` comes from a
 * database sequence (PO-1001, PO-1002, …); `expected_at` is a date
 * (`YYYY-MM-DD`). Its receipts' movements are originated by the order.
 */
const PurchaseOrder = model
  .define("purchase_order", {
    id: model.id({ prefix: "po" }).primaryKey(),
    number: model.text(),
    supplier: model.text(),
    reference: model.text().nullable(),
    location_id: model.text(),
    state: model.enum([...PURCHASE_ORDER_STATES]).default("draft"),
    expected_at: model.text().nullable(),
    note: model.text().nullable(),
    currency_code: model.text().nullable(),
    created_by: model.text().nullable(),
    ordered_at: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
    items: model.hasMany(() => PurchaseOrderItem, { mappedBy: "purchase_order" }),
    receipts: model.hasMany(() => PurchaseOrderReceipt, { mappedBy: "purchase_order" }),
  })
  .indexes([
    {
      name: "IDX_purchase_order_number_unique",
      on: ["number"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_purchase_order_location_state", on: ["location_id", "state"], where: "deleted_at IS NULL" },
  ])

export default PurchaseOrder
