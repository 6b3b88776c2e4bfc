import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { propagateStockItemsWorkflow } from "../workflows/propagate-stock-items"

/**
 * A new inventory item (a variant created with managed inventory, or an
 * item made in the admin) gets a stock item at every propagating location.
 */
export default async function inventoryItemCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = eventValues(event.data, "id")
  if (!ids.length) {
    return
  }
  await retryTransient(() =>
    propagateStockItemsWorkflow(container).run({
      input: { inventory_item_ids: ids },
    })
  )
}

export const config: SubscriberConfig = {
  event: "inventory.inventory-item.created",
  context: { subscriberId: "stockroom-inventory-item-created" },
}
