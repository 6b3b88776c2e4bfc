import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { applyVariantBackorderWorkflow } from "../workflows/apply-variant-backorder"

/**
 * A variant's `allow_backorder` changed in Medusa's own admin or API: its
 * stock items follow, so Medusa's field and Stockroom's flags agree.
 */
export default async function productVariantUpdatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = eventValues(event.data, "id")
  if (!ids.length) {
    return
  }
  await retryTransient(() =>
    applyVariantBackorderWorkflow(container).run({ input: { variant_ids: ids } })
  )
}

export const config: SubscriberConfig = {
  event: "product-variant.updated",
  context: { subscriberId: "stockroom-product-variant-updated" },
}
