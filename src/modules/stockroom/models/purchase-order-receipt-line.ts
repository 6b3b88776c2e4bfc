import { model } from "@medusajs/framework/utils"
import PurchaseOrderReceipt from "./purchase-order-receipt"

/** What one receipt accepted and rejected of one purchase order item. */
const PurchaseOrderReceiptLine = model.define("purchase_order_receipt_line", {
  id: model.id({ prefix: "porline" }).primaryKey(),
  purchase_order_item_id: model.text(),
  inventory_item_id: model.text(),
  accepted: model.number(),
  rejected: model.number().default(0),
  rejection_reason: model.text().nullable(),
  receipt: model.belongsTo(() => PurchaseOrderReceipt, { mappedBy: "lines" }),
})

export default PurchaseOrderReceiptLine
