import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { retryTransient } from "../lib/medusa-values"
import { StockroomEvents } from "../modules/stockroom/events"
import type { StockItemRef } from "../modules/stockroom/types"
import { notifyBackInStockWorkflow } from "../workflows/notify-back-in-stock"

type BackInStockData = StockItemRef & { stock_item_id: string }

/**
 * A stock item's count on hand (stocked − reserved, so after what
 * backorders hold) went from ≤ 0 to > 0: tell the waiting subscribers of
 * the variants it serves. A redelivered event finds them already notified.
 */
export default async function stockBackInStockHandler({
  event,
  container,
}: SubscriberArgs<BackInStockData | BackInStockData[]>) {
  const refs = (Array.isArray(event.data) ? event.data : [event.data])
    .filter((data) => data?.inventory_item_id && data?.location_id)
    .map(({ inventory_item_id, location_id }) => ({ inventory_item_id, location_id }))
  if (!refs.length) {
    return
  }
  await retryTransient(() => notifyBackInStockWorkflow(container).run({ input: { refs } }))
}

export const config: SubscriberConfig = {
  event: StockroomEvents.signal("back_in_stock"),
  context: { subscriberId: "stockroom-back-in-stock-notifications" },
}
