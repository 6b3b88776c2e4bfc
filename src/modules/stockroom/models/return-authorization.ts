import { model } from "@medusajs/framework/utils"
import { RETURN_AUTHORIZATION_STATES } from "../types"
import ReturnAuthorizationItem from "./return-authorization-item"

/**
 * Part of a shipped order the store agreed to take back (Spree's
 * ReturnAuthorization). `number` comes from a database sequence (RA-1001,
 * RA-1002, …); `return_id` is the Medusa return its receipt drove.
 */
const ReturnAuthorization = model
  .define("return_authorization", {
    id: model.id({ prefix: "ra" }).primaryKey(),
    number: model.text(),
    order_id: model.text(),
    state: model.enum([...RETURN_AUTHORIZATION_STATES]).default("authorized"),
    reason: model.text(),
    return_reason_id: model.text().nullable(),
    memo: model.text().nullable(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    location_id: model.text(),
    return_id: model.text().nullable(),
    items_value: model.bigNumber().nullable(),
    created_by: model.text().nullable(),
    received_by: model.text().nullable(),
    canceled_by: model.text().nullable(),
    received_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
    items: model.hasMany(() => ReturnAuthorizationItem, {
      mappedBy: "return_authorization",
    }),
  })
  .indexes([
    {
      name: "IDX_return_authorization_number_unique",
      on: ["number"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_return_authorization_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_return_authorization_return_id", on: ["return_id"], where: "deleted_at IS NULL" },
  ])

export default ReturnAuthorization
