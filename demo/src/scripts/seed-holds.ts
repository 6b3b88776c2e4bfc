import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCartWorkflow, type CreateCartWorkflowInput } from "@medusajs/medusa/core-flows"

/** A shopper at checkout: their cart holds 2 of this variant. */
export const DEMO_HELD_SKU = "WOOL-BEANIE-RED"
export const DEMO_HOLDER_EMAIL = "holding@stockroom.demo"

type StockroomHolds = {
  holdCartStock(
    cartId: string,
    salesChannelId: string,
    lines: { line_item_id?: string; variant_id: string; quantity: number }[]
  ): Promise<{ expires_at: Date; items: { held: number }[] }>
}

/**
 * A cart that has started checkout and holds 2 red wool beanies, so the
 * beanie's variant page and its location's page show them as Held. The hold
 * is made as the storefront's POST /store/carts/:id/stock-hold makes it and
 * lasts checkout_hold_minutes (the demo sets 60); every `npm run demo`
 * renews it, on the same cart.
 */
export async function ensureDemoCheckoutHold(container: MedusaContainer, regionId: string, salesChannelId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [variant],
  } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku: DEMO_HELD_SKU } })
  if (!variant) {
    throw new Error(`Demo seed: no variant with SKU ${DEMO_HELD_SKU}`)
  }
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "completed_at", "items.id", "items.variant_id", "items.quantity"],
    filters: { email: DEMO_HOLDER_EMAIL },
  })
  let cart = (carts as any[]).find((candidate) => !candidate.completed_at)
  if (!cart) {
    const { result } = await createCartWorkflow(container).run({
      input: {
        region_id: regionId,
        sales_channel_id: salesChannelId,
        email: DEMO_HOLDER_EMAIL,
        items: [{ variant_id: variant.id, quantity: 2 }],
      } as CreateCartWorkflowInput,
    })
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", "items.id", "items.variant_id", "items.quantity"],
      filters: { id: result.id },
    })
    cart = data[0]
  }
  const hold = await container.resolve<StockroomHolds>("stockroom").holdCartStock(
    cart.id,
    salesChannelId,
    (cart.items ?? []).map((item: any) => ({ line_item_id: item.id, variant_id: item.variant_id, quantity: Number(item.quantity) }))
  )
  container
    .resolve(ContainerRegistrationKeys.LOGGER)
    .info(
      `[demo seed] cart ${cart.id} (${DEMO_HOLDER_EMAIL}) holds ${hold.items.reduce((sum, item) => sum + item.held, 0)} ` +
        `of ${DEMO_HELD_SKU} until ${new Date(hold.expires_at).toISOString()}`
    )
}
