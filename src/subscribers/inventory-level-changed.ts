import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { eventValues, retryTransient } from "../lib/medusa-values"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"
import { reconcileStockLevelsWorkflow } from "../workflows/reconcile-stock-levels"

const ATTRIBUTION_GRACE_MS = 2500

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
  const ids = eventValues(event.data, "id")
  if (!ids.length) {
    return
  }
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  if (!(await stockroom.listLevelsOutOfStep(ids)).length) {
    return
  }
  // Medusa's return flow has no hook: its `order.return_received` handler
  // books the restock as `returned`. Waiting a moment lets it take the lock
  // first; whichever runs second finds the level in step and writes nothing.
  await new Promise((resolve) => setTimeout(resolve, ATTRIBUTION_GRACE_MS))
  const levels = await stockroom.listLevelsOutOfStep(ids)
  if (!levels.length) {
    return
  }
  await retryTransient(() =>
    reconcileStockLevelsWorkflow(container).run({
      input: {
        refs: levels,
      },
    })
  )
}

export const config: SubscriberConfig = {
  event: ["inventory.inventory-level.created", "inventory.inventory-level.updated"],
  context: { subscriberId: "stockroom-inventory-level-changed" },
}
