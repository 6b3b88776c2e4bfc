import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const syncVariantBackorderStepId = "sync-variant-backorder"

/**
 * Keeps Medusa's per-variant `allow_backorder` in step with the stock
 * items' `backorderable` flags (Medusa's own cart check reads the variant
 * flag), while the store allows backorders at all.
 */
export const syncVariantBackorderStep = createStep(
  syncVariantBackorderStepId,
  async (input: { inventory_item_ids: string[] }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    if (!stockroom.getOptions().allow_backorders) {
      return new StepResponse([], [])
    }
    const drift = await stockroom.listVariantBackorderDrift(input.inventory_item_ids)
    const products = container.resolve(Modules.PRODUCT)
    for (const value of [true, false]) {
      const ids = drift.filter((row) => row.backorderable === value).map((row) => row.variant_id)
      if (ids.length) {
        await products.updateProductVariants({ id: ids }, { allow_backorder: value })
      }
    }
    return new StepResponse(drift, drift)
  },
  async (drift, { container }) => {
    if (!drift?.length) {
      return
    }
    const products = container.resolve(Modules.PRODUCT)
    for (const value of [true, false]) {
      const ids = drift.filter((row) => row.allow_backorder === value).map((row) => row.variant_id)
      if (ids.length) {
        await products.updateProductVariants({ id: ids }, { allow_backorder: value })
      }
    }
  }
)
