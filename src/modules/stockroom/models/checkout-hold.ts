import { model } from "@medusajs/framework/utils"

/**
 * Stock a cart keeps for itself while its customer pays: a quantity of one
 * inventory item at one location until `expires_at`. Holds never change
 * Medusa's levels or the ledger; other carts' checks subtract the live ones.
 */
const CheckoutHold = model
  .define("checkout_hold", {
    id: model.id({ prefix: "srhold" }).primaryKey(),
    cart_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity: model.number(),
    expires_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_checkout_hold_cart_id", on: ["cart_id"], where: "deleted_at IS NULL" },
    {
      name: "IDX_checkout_hold_item_location",
      on: ["inventory_item_id", "location_id"],
      where: "deleted_at IS NULL",
    },
  ])

export default CheckoutHold
