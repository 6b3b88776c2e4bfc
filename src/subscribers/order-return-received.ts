import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { receiveReturnUnitsWorkflow } from "../workflows/receive-return-units"

/**
 * Medusa's return flow has no hook: its units become returned here and the
 * restock it made is ledgered as `returned`. A redelivered event finds the
 * return already recorded and changes nothing.
 */
export default async function orderReturnReceivedHandler({
  event,
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  for (const returnId of eventValues(event.data, "return_id")) {
    await retryTransient(() =>
      receiveReturnUnitsWorkflow(container).run({ input: { return_id: returnId } })
    )
  }
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "stockroom-order-return-received" },
}
