import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { propagateStockItemsWorkflow } from "../workflows/propagate-stock-items"

/**
 * A new location gets its setting (also for locations created outside
 * Medusa's workflow, where the hook does not run) and, when it propagates,
 * a stock item for every inventory item. Idempotent.
 */
export default async function stockLocationCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = eventValues(event.data, "id")
  if (!ids.length) {
    return
  }
  await retryTransient(() =>
    propagateStockItemsWorkflow(container).run({
      input: { location_ids: ids },
    })
  )
}

export const config: SubscriberConfig = {
  event: "stock_location.stock-location.created",
  context: { subscriberId: "stockroom-stock-location-created" },
}
