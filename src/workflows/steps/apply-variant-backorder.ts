import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"
import { resolveVariantInventoryItems } from "../../lib/variant-inventory-items"

export const applyVariantBackorderStepId = "apply-variant-backorder"

type ChangedStockItem = { id: string; backorderable: boolean }

/**
 * An admin changed a variant's `allow_backorder` in Medusa's own form: the
 * stock items of its inventory items take that value, so the change is
 * honoured rather than reverted. A variant already in step (Stockroom's own
 * update of the flag, a redelivered event) changes nothing.
 */
export const applyVariantBackorderStep = createStep(
  applyVariantBackorderStepId,
  async (input: { variant_ids: string[] }, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const options = stockroom.getOptions()
    if (!options.allow_backorders || !options.track_inventory_levels || !input.variant_ids.length) {
      return new StepResponse([] as ChangedStockItem[], [] as ChangedStockItem[])
    }
    const itemsByVariant = await resolveVariantInventoryItems(
      container.resolve(ContainerRegistrationKeys.QUERY),
      input.variant_ids
    )
    const itemsOf = new Map<string, string[]>(
      [...itemsByVariant].map(([variantId, items]) => [
        variantId,
        items.map((item) => item.inventory_item_id),
      ])
    )
    const drift = (
      await stockroom.listVariantBackorderDrift([...new Set([...itemsOf.values()].flat())])
    ).filter((row) => itemsOf.has(row.variant_id))
    const previous: ChangedStockItem[] = []
    for (const row of drift) {
      const stockItems = await stockroom.listStockItems(
        { inventory_item_id: itemsOf.get(row.variant_id)!, backorderable: !row.allow_backorder },
        { select: ["id", "backorderable"], take: null }
      )
      if (!stockItems.length) {
        continue
      }
      previous.push(...stockItems.map((item) => ({ id: item.id, backorderable: item.backorderable })))
      await stockroom.updateStockItems(
        stockItems.map((item) => ({ id: item.id, backorderable: row.allow_backorder }))
      )
    }
    return new StepResponse(previous, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await container
      .resolve<IStockroomModuleService>(STOCKROOM_MODULE)
      .updateStockItems(previous)
  }
)
