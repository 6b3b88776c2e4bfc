import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ResolvedStockTransferLine,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export type ValidateStockTransferStepInput = {
  source_location_id?: string | null
  destination_location_id: string
  lines: ResolvedStockTransferLine[]
}

export const validateStockTransferStepId = "validate-stock-transfer"

/**
 * Refuses a transfer before anything is written: no items, the same
 * location on both ends, an inventory item given twice (also when once by
 * variant and once by inventory item), a quantity that is not a positive
 * whole number, or a source that lacks the quantity and is not
 * backorderable. The availability check is repeated under the stock-item
 * lock when the stock moves; this one only spares a doomed transfer row.
 */
export const validateStockTransferStep = createStep(
  validateStockTransferStepId,
  async (input: ValidateStockTransferStepInput, { container }) => {
    const { source_location_id: source, destination_location_id: destination } =
      input
    if (!input.lines.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "A stock transfer needs at least one item"
      )
    }
    if (source && source === destination) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot transfer stock from location ${source} to itself`
      )
    }
    const seen = new Map<string, ResolvedStockTransferLine>()
    for (const line of input.lines) {
      if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Quantity for inventory item ${line.inventory_item_id} must be a positive whole number, got ${line.quantity}`
        )
      }
      const earlier = seen.get(line.inventory_item_id)
      if (earlier) {
        const via = [earlier.variant_id, line.variant_id]
          .filter(Boolean)
          .map((id) => ` (via variant ${id})`)
          .join("")
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Inventory item ${line.inventory_item_id} appears more than once in the transfer${via}: give each item once with its total quantity`
        )
      }
      seen.set(line.inventory_item_id, line)
    }

    if (!source) {
      return new StepResponse(void 0)
    }

    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const inventory = container.resolve(Modules.INVENTORY)
    const inventoryItemIds = input.lines.map((line) => line.inventory_item_id)
    const [stockItems] = await stockroom.listStockItemsWithCounts(
      { inventory_item_id: inventoryItemIds, location_id: [source] },
      { limit: inventoryItemIds.length }
    )
    const stockItemByItem = new Map(
      stockItems.map((item) => [item.inventory_item_id, item])
    )
    // Items with no stock item at the source yet get one (and a level) when
    // the transfer runs, backorderable as the location's setting says.
    const untracked = inventoryItemIds.filter((id) => !stockItemByItem.has(id))
    const levels = untracked.length
      ? await inventory.listInventoryLevels(
          { inventory_item_id: untracked, location_id: [source] },
          {
            select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"],
            take: null,
          }
        )
      : []
    const levelByItem = new Map(levels.map((level) => [level.inventory_item_id, level]))
    const [setting] = untracked.length
      ? await stockroom.listStockLocationSettings({ stock_location_id: source })
      : []
    const defaultBackorderable =
      setting?.backorderable_default ?? stockroom.getOptions().backorderable_default

    const shortfalls: string[] = []
    for (const line of input.lines) {
      const stockItem = stockItemByItem.get(line.inventory_item_id)
      const level = levelByItem.get(line.inventory_item_id)
      const available = stockItem
        ? stockItem.count_on_hand
        : level
          ? Number(level.stocked_quantity) - Number(level.reserved_quantity)
          : 0
      const backorderable = stockItem ? stockItem.backorderable : defaultBackorderable
      if (!backorderable && available < line.quantity) {
        shortfalls.push(
          `inventory item ${line.inventory_item_id}: asked for ${line.quantity}, only ${Math.max(available, 0)} available`
        )
      }
    }
    if (shortfalls.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Location ${source} cannot supply the transfer and its stock is not backorderable: ${shortfalls.join("; ")}`
      )
    }
    return new StepResponse(void 0)
  }
)
