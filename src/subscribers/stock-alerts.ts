import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { StockroomEvents } from "../modules/stockroom/events"
import { postStockAlertsWorkflow } from "../workflows/post-stock-alerts"

/**
 * A stock item crossed its low-stock threshold or ran out: post it to the
 * admin's notification feed, once per crossing.
 */
export default async function stockAlertsHandler({
  event,
  container,
}: SubscriberArgs<{ stock_item_id: string } | { stock_item_id: string }[]>) {
  const ids = eventValues(event.data, "stock_item_id")
  if (!ids.length) {
    return
  }
  const kind = event.name === StockroomEvents.signal("low_stock") ? "low_stock" : "out_of_stock"
  await retryTransient(() =>
    postStockAlertsWorkflow(container).run({ input: { kind, stock_item_ids: ids } })
  )
}

export const config: SubscriberConfig = {
  event: [StockroomEvents.signal("low_stock"), StockroomEvents.signal("out_of_stock")],
  context: { subscriberId: "stockroom-stock-alerts" },
}
