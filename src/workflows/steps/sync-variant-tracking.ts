import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const syncVariantTrackingStepId = "sync-variant-tracking"

/**
 * Brings Medusa's `manage_inventory` in line with `track_inventory_levels`,
 * in batches through Medusa's product module: off → every managed variant is
 * switched off and remembered; on → exactly the remembered ones are switched
 * back. The work converges (running it twice, or in two processes, ends in
 * the same state), so a failure is finished by the next run rather than undone.
 */
export const syncVariantTrackingStep = createStep(
  syncVariantTrackingStepId,
  async (_input: void, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const products = container.resolve(Modules.PRODUCT)
    let switched = 0
    for (;;) {
      const batch = await stockroom.takeVariantTrackingBatch(500)
      if (!batch.variant_ids.length) {
        break
      }
      await products.updateProductVariants(
        { id: batch.variant_ids },
        { manage_inventory: batch.manage_inventory }
      )
      if (batch.manage_inventory) {
        await stockroom.clearVariantTrackingSuspensions(batch.variant_ids)
      }
      switched += batch.variant_ids.length
    }
    return new StepResponse({ switched })
  }
)
