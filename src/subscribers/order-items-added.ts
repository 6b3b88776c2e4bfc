import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { placeOrderUnitsWorkflow } from "../workflows/place-order-units"

/**
 * An exchange, a claim or an order edit was confirmed: items it added to
 * the order get their units (only what the existing units do not cover),
 * and their reservations are ledgered as `allocated`.
 */
export default async function orderItemsAddedHandler({
  event,
  container,
}: SubscriberArgs<{ order_id: string }>) {
  for (const orderId of eventValues(event.data, "order_id")) {
    await retryTransient(() =>
      placeOrderUnitsWorkflow(container).run({ input: { order_id: orderId } })
    )
  }
}

export const config: SubscriberConfig = {
  event: ["order.exchange_created", "order.claim_created", "order-edit.confirmed"],
  context: { subscriberId: "stockroom-order-items-added" },
}
