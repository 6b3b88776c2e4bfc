import { model } from "@medusajs/framework/utils"
import { ORIGINATOR_TYPES, REASON_CODES, STOCK_MOVEMENT_KINDS } from "../types"

/**
 * Append-only ledger row: one signed change to a stock item's count on hand
 * (`quantity`) and on hand (`stocked_change`), with the balances after it.
 * The service has no update or delete path for it.
 */
const StockMovement = model
  .define("stock_movement", {
    id: model.id({ prefix: "smov" }).primaryKey(),
    stock_item_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    kind: model.enum([...STOCK_MOVEMENT_KINDS]),
    quantity: model.number(),
    stocked_change: model.number(),
    count_on_hand_after: model.number(),
    stocked_after: model.number(),
    sequence: model.number(),
    originator_type: model.enum([...ORIGINATOR_TYPES]).nullable(),
    originator_id: model.text().nullable(),
    actor_id: model.text().nullable(),
    reason: model.text().nullable(),
    note: model.text().nullable(),
    metadata: model.json().nullable(),
    /** why an admin changed stock (section "Reason codes" of the README); null for system movements */
    reason_code: model.enum([...REASON_CODES]).nullable(),
  })
  .indexes([
    {
      name: "IDX_stock_movement_stock_item_sequence_unique",
      on: ["stock_item_id", "sequence"],
      unique: true,
    },
    { name: "IDX_stock_movement_inventory_item_id", on: ["inventory_item_id"] },
    { name: "IDX_stock_movement_location_id", on: ["location_id"] },
    { name: "IDX_stock_movement_originator", on: ["originator_type", "originator_id"] },
    { name: "IDX_stock_movement_created_at", on: ["created_at"] },
    // The ledger list's filters, each with its default order (newest first).
    { name: "IDX_stock_movement_stock_item_created_at", on: ["stock_item_id", "created_at"] },
    { name: "IDX_stock_movement_location_created_at", on: ["location_id", "created_at"] },
    { name: "IDX_stock_movement_kind_created_at", on: ["kind", "created_at"] },
    { name: "IDX_stock_movement_reason_code_created_at", on: ["reason_code", "created_at"] },
  ])

export default StockMovement
