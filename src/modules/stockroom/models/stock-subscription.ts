import { model } from "@medusajs/framework/utils"

/**
 * A shopper's request to be told when a variant is sellable again in a
 * sales channel. Active while neither notified nor canceled; the token is
 * the shopper's proof for unsubscribing from the notification's link.
 * Emails are stored lower-cased; one active row per (variant, email,
 * channel) is enforced by a partial unique index on lower(email).
 */
const StockSubscription = model
  .define("stock_subscription", {
    id: model.id({ prefix: "ssub" }).primaryKey(),
    variant_id: model.text(),
    email: model.text(),
    customer_id: model.text().nullable(),
    sales_channel_id: model.text(),
    token: model.text(),
    notified_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      name: "IDX_stock_subscription_token_unique",
      on: ["token"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_stock_subscription_waiting",
      on: ["variant_id", "sales_channel_id"],
      where: "deleted_at IS NULL AND notified_at IS NULL AND canceled_at IS NULL",
    },
  ])

export default StockSubscription
