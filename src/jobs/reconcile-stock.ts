import { MedusaContainer } from "@medusajs/framework/types"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"
import { reconcileStockLevelsWorkflow } from "../workflows/reconcile-stock-levels"

/**
 * The safety net under the level events: ledgers any level that drifted
 * from its stock item's balances and gives untracked levels a stock item,
 * in case an event was lost (a crash, a change made straight in the DB).
 */
export default async function reconcileStockJob(container: MedusaContainer) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const untracked = await stockroom.listUntrackedLevels(1000)
  const driftedIds = await stockroom.listDriftedStockItemIds(1000)
  const drifted = driftedIds.length
    ? await stockroom.listStockItems(
        { id: driftedIds },
        { select: ["inventory_item_id", "location_id"], take: null }
      )
    : []
  const refs = [
    ...untracked,
    ...drifted.map((item) => ({
      inventory_item_id: item.inventory_item_id,
      location_id: item.location_id,
    })),
  ]
  if (!refs.length) {
    return
  }
  await reconcileStockLevelsWorkflow(container).run({
    input: {
      refs,
      attribution: { note: "Found by the periodic reconciliation sweep" },
    },
  })
}

export const config = {
  name: "stockroom-reconcile-stock",
  schedule: "*/5 * * * *",
}
