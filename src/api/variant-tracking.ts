import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"
import { syncVariantTrackingWorkflow } from "../workflows/sync-variant-tracking"

let running: Promise<unknown> | null = null
// With tracking on, suspensions are never written (only tracking off writes
// them), so once none is left this process need not look again.
let restored = false

/**
 * Before any store or admin request is served, Medusa's variants agree with
 * `track_inventory_levels` (see syncVariantTrackingWorkflow). With tracking
 * off, one indexed lookup per request (a variant may have been created or
 * switched on since); with it on, only until nothing is left to restore.
 * Concurrent requests share a run.
 */
export async function ensureVariantTracking(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const tracking = stockroom.getOptions().track_inventory_levels
    if (tracking && restored) {
      return next()
    }
    if (running || (await stockroom.isVariantTrackingOutOfStep())) {
      running ??= syncVariantTrackingWorkflow(req.scope)
        .run()
        .finally(() => {
          running = null
        })
      await running
    }
    restored = tracking
  } catch (error) {
    return next(error)
  }
  next()
}
