import type { IInventoryService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { StockItemRef, STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"

export const ensureStockItemsStepId = "ensure-stock-items"

/**
 * Creates levels at 0. Another writer (the propagation subscriber racing an
 * admin's first movement, say) may create the same level meanwhile; then the
 * batch is refused as a duplicate, and each level still missing is created
 * on its own, a duplicate there meaning someone else already made it.
 */
async function createMissingLevels(
  inventory: IInventoryService,
  missing: StockItemRef[]
): Promise<string[]> {
  const toLevel = (ref: StockItemRef) => ({
    inventory_item_id: ref.inventory_item_id,
    location_id: ref.location_id,
    stocked_quantity: 0,
  })
  try {
    const created = await inventory.createInventoryLevels(missing.map(toLevel))
    return created.map((level) => level.id)
  } catch (err) {
    if (!isDuplicateLevel(err)) {
      throw err
    }
  }
  const createdIds: string[] = []
  for (const ref of missing) {
    try {
      const [created] = await inventory.createInventoryLevels([toLevel(ref)])
      createdIds.push(created.id)
    } catch (err) {
      if (!isDuplicateLevel(err)) {
        throw err
      }
    }
  }
  return createdIds
}

function isDuplicateLevel(err: unknown): boolean {
  return /already exists/i.test(String((err as Error)?.message ?? err))
}

const BATCH = 1000

/**
 * Creates Medusa's inventory level at 0 where one is missing, then the stock
 * item for every (inventory item, location), in batches. Compensation
 * removes what this step created.
 */
export const ensureStockItemsStep = createStep(
  ensureStockItemsStepId,
  async (refs: StockItemRef[], { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const createdLevelIds: string[] = []
    const createdStockItemIds: string[] = []

    for (let start = 0; start < refs.length; start += BATCH) {
      const batch = refs.slice(start, start + BATCH)
      const existing = await inventory.listInventoryLevels(
        {
          inventory_item_id: [...new Set(batch.map((r) => r.inventory_item_id))],
          location_id: [...new Set(batch.map((r) => r.location_id))],
        },
        { select: ["id", "inventory_item_id", "location_id"], take: null }
      )
      const have = new Set(
        existing.map((level) => `${level.inventory_item_id}|${level.location_id}`)
      )
      const missing = batch.filter(
        (ref) => !have.has(`${ref.inventory_item_id}|${ref.location_id}`)
      )
      if (missing.length) {
        createdLevelIds.push(...(await createMissingLevels(inventory, missing)))
      }
      const { created_ids } = await stockroom.ensureStockItems(batch)
      createdStockItemIds.push(...created_ids)
    }
    const stockItemIds = await stockroom.findStockItemIds(refs)
    return new StepResponse(
      { created_stock_item_ids: createdStockItemIds, stock_item_ids: stockItemIds },
      { createdLevelIds, createdStockItemIds }
    )
  },
  async (created, { container }) => {
    if (!created?.createdLevelIds.length && !created?.createdStockItemIds.length) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const inventory = container.resolve(Modules.INVENTORY)
    if (created.createdStockItemIds.length) {
      await stockroom.softDeleteStockItems(created.createdStockItemIds)
    }
    if (created.createdLevelIds.length) {
      await inventory.deleteInventoryLevels(created.createdLevelIds)
    }
  }
)
