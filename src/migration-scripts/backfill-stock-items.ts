import { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"
import reconcileStockJob from "../jobs/reconcile-stock"

/**
 * Runs once, from `medusa db:migrate`, when Stockroom is installed into a
 * store that already has locations and stock: settings for every location,
 * a stock item for every existing level, its stock as the opening balance.
 */
export default async function backfillStockItems({ container }: ExecArgs) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const locations = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({}, { select: ["id"], take: null })
  await stockroom.ensureStockLocationSettings(locations.map((l) => l.id))
  // Each pass tracks up to 1000 levels; stop when none are left, or when a
  // pass makes no progress (the sweep job will retry those later).
  let untracked = (await stockroom.listUntrackedLevels(1000)).length
  while (untracked) {
    await reconcileStockJob(container)
    const left = (await stockroom.listUntrackedLevels(1000)).length
    if (left >= untracked && left < 1000) {
      break
    }
    untracked = left
  }
}
