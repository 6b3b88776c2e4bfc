import { model } from "@medusajs/framework/utils"
import { INVENTORY_UNIT_STATES } from "../types"

/**
 * Units of one order line and one inventory item that share a state
 * (Spree's InventoryUnit, quantity-bearing). When only part of a row
 * changes state it splits: the row keeps the rest and a new row carries the
 * part that moved. `ordered_at` is the FIFO key for filling backorders.
 */
const InventoryUnit = model
  .define("inventory_unit", {
    id: model.id({ prefix: "iunit" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    variant_id: model.text().nullable(),
    /** null for an untracked variant (Medusa `manage_inventory = false`) */
    inventory_item_id: model.text().nullable(),
    location_id: model.text().nullable(),
    state: model.enum([...INVENTORY_UNIT_STATES]).default("on_hand"),
    quantity: model.number(),
    fulfillment_id: model.text().nullable(),
    shipped_at: model.dateTime().nullable(),
    return_id: model.text().nullable(),
    return_authorization_id: model.text().nullable(),
    ordered_at: model.dateTime(),
  })
  .indexes([
    {
      name: "IDX_inventory_unit_fill_queue",
      on: ["inventory_item_id", "location_id", "state", "ordered_at"],
      where: "deleted_at IS NULL",
    },
    { name: "IDX_inventory_unit_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_inventory_unit_line_item_id", on: ["line_item_id"], where: "deleted_at IS NULL" },
    { name: "IDX_inventory_unit_fulfillment_id", on: ["fulfillment_id"], where: "deleted_at IS NULL" },
    {
      name: "IDX_inventory_unit_return_authorization_id",
      on: ["return_authorization_id"],
      where: "deleted_at IS NULL AND return_authorization_id IS NOT NULL",
    },
  ])

export default InventoryUnit
