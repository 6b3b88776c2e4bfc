import { model } from "@medusajs/framework/utils"
import ReturnAuthorization from "./return-authorization"

/**
 * The units of one order line and inventory item an authorization covers:
 * the inventory unit row that carries the authorization (split off when
 * only part of a row was authorized) and whether they can be sold again.
 */
const ReturnAuthorizationItem = model.define("return_authorization_item", {
  id: model.id({ prefix: "raitem" }).primaryKey(),
  inventory_unit_id: model.text(),
  line_item_id: model.text(),
  variant_id: model.text().nullable(),
  inventory_item_id: model.text().nullable(),
  quantity: model.number(),
  required_quantity: model.number().default(1),
  resellable: model.boolean().default(true),
  restocked_quantity: model.number().default(0),
  return_authorization: model.belongsTo(() => ReturnAuthorization, { mappedBy: "items" }),
})

export default ReturnAuthorizationItem
