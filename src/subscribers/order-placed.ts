import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { placeOrderUnitsWorkflow } from "../workflows/place-order-units"

/**
 * Orders placed through paths other than checkout (draft orders, say) get
 * their units here. After checkout the hook already made them, and this
 * run changes nothing.
 */
export default async function orderPlacedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  for (const orderId of eventValues(event.data, "id")) {
    await retryTransient(() =>
      placeOrderUnitsWorkflow(container).run({ input: { order_id: orderId } })
    )
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "stockroom-order-placed" },
}
