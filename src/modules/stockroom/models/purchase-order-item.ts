import { model } from "@medusajs/framework/utils"
import PurchaseOrder from "./purchase-order"

/** One inventory item of a purchase order: ordered, received and rejected so far. */
const PurchaseOrderItem = model
  .define("purchase_order_item", {
    id: model.id({ prefix: "poitem" }).primaryKey(),
    inventory_item_id: model.text(),
    variant_id: model.text().nullable(),
    quantity: model.number(),
    received_quantity: model.number().default(0),
    rejected_quantity: model.number().default(0),
    unit_cost: model.bigNumber().nullable(),
    purchase_order: model.belongsTo(() => PurchaseOrder, { mappedBy: "items" }),
  })
  .indexes([{ name: "IDX_purchase_order_item_inventory_item_id", on: ["inventory_item_id"], where: "deleted_at IS NULL" }])

export default PurchaseOrderItem
