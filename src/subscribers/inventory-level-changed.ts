import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { reconcileStockLevelsWorkflow } from "../workflows/reconcile-stock-levels"

/**
 * Medusa changed a level on its own (its admin forms and batch edits,
 * reservations, fulfillments, returns, direct module calls): ledger the
 * difference. Reconciling an item already in step writes nothing, so a
 * redelivered event records nothing twice.
 */
export default async function inventoryLevelChangedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data])
    .map((data) => data?.id)
    .filter((id): id is string => typeof id === "string")
  if (!ids.length) {
    return
  }
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels(
      { id: ids },
      { select: ["inventory_item_id", "location_id"], take: null }
    )
  if (!levels.length) {
    return
  }
  await reconcileStockLevelsWorkflow(container).run({
    input: {
      refs: levels.map((level) => ({
        inventory_item_id: level.inventory_item_id,
        location_id: level.location_id,
      })),
    },
  })
}

export const config: SubscriberConfig = {
  event: ["inventory.inventory-level.created", "inventory.inventory-level.updated"],
  context: { subscriberId: "stockroom-inventory-level-changed" },
}
