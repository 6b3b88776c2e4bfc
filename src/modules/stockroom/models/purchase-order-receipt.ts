import { model } from "@medusajs/framework/utils"
import PurchaseOrder from "./purchase-order"
import PurchaseOrderReceiptLine from "./purchase-order-receipt-line"

/** One delivery booked against a purchase order, and who received it. */
const PurchaseOrderReceipt = model.define("purchase_order_receipt", {
  id: model.id({ prefix: "porcpt" }).primaryKey(),
  received_by: model.text().nullable(),
  note: model.text().nullable(),
  complete: model.boolean().default(false),
  purchase_order: model.belongsTo(() => PurchaseOrder, { mappedBy: "receipts" }),
  lines: model.hasMany(() => PurchaseOrderReceiptLine, { mappedBy: "receipt" }),
})

export default PurchaseOrderReceipt
