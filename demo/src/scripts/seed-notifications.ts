import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** A variant with no stock anywhere and no backorders: what shoppers wait for. */
export const DEMO_SUBSCRIBED_SKU = "LEATHER-BELT-L"
export const DEMO_SUBSCRIBER_EMAILS = ["ada@stockroom.demo", "grace@stockroom.demo"]

type StockroomSubscriptions = {
  createStockSubscription(input: {
    variant_id: string
    email: string
    sales_channel_id: string
  }): Promise<{ subscription: { id: string }; created: boolean }>
}

/**
 * Two back-in-stock subscriptions on the out-of-stock leather belt (L), so
 * the variant page and the Demand page have waiting shoppers, and a
 * delivery of the belt logs their notifications (the demo's `email`
 * provider is Medusa's local one, which writes to the log). Subscribing is
 * idempotent: a second run finds the same two.
 */
export async function ensureDemoStockSubscriptions(container: MedusaContainer, salesChannelId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id"],
    filters: { sku: DEMO_SUBSCRIBED_SKU },
  })
  if (!variants.length) {
    throw new Error(`Demo seed: no variant with SKU ${DEMO_SUBSCRIBED_SKU}`)
  }
  const stockroom = container.resolve<StockroomSubscriptions>("stockroom")
  for (const email of DEMO_SUBSCRIBER_EMAILS) {
    await stockroom.createStockSubscription({
      variant_id: variants[0].id,
      email,
      sales_channel_id: salesChannelId,
    })
  }
}
