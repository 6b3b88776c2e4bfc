import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE } from "../modules/stockroom/types"
import type StockroomModuleService from "../modules/stockroom/service"
import { syncVariantTrackingWorkflow } from "../workflows/sync-variant-tracking"

let running: Promise<unknown> | null = null

/**
 * Before any store or admin request is served, Medusa's variants agree with
 * `track_inventory_levels` (see syncVariantTrackingWorkflow). Normally one
 * indexed lookup that finds nothing to do; concurrent requests share a run.
 */
export async function ensureVariantTracking(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
    if (running || (await stockroom.isVariantTrackingOutOfStep())) {
      running ??= syncVariantTrackingWorkflow(req.scope)
        .run()
        .finally(() => {
          running = null
        })
      await running
    }
  } catch (error) {
    return next(error)
  }
  next()
}
