import {
  ContainerRegistrationKeys,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"
import { resolveVariantInventoryItems } from "../../lib/variant-inventory-items"

/** Where stock is addressed: a stock item, or an item (or variant) at a location. */
export type StockAddress = {
  stock_item_id?: string
  inventory_item_id?: string
  variant_id?: string
  location_id?: string
}

export type ResolvedStockAddress = {
  inventory_item_id: string
  location_id: string
  variant_id: string | null
}

export const resolveStockItemRefsStepId = "resolve-stock-item-refs"

/**
 * Validates stock addresses and resolves each to (inventory item, location):
 * the stock item, the inventory item or the variant must exist, and so must
 * the location. A variant made of several inventory items (a kit) must be
 * addressed by inventory item, since each part is stocked on its own.
 */
export const resolveStockItemRefsStep = createStep(
  resolveStockItemRefsStepId,
  async (addresses: StockAddress[], { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventory = container.resolve(Modules.INVENTORY)
    const stockLocations = container.resolve(Modules.STOCK_LOCATION)

    const stockItemIds = addresses.flatMap((a) => (a.stock_item_id ? [a.stock_item_id] : []))
    const stockItems = stockItemIds.length
      ? await stockroom.listStockItems({ id: stockItemIds }, { take: null })
      : []
    const stockItemById = new Map(stockItems.map((item) => [item.id, item]))

    const variantIds = addresses.flatMap((a) => (a.variant_id ? [a.variant_id] : []))
    const variantItems = new Map<string, string[]>(
      [...(await resolveVariantInventoryItems(query, variantIds))].map(([variantId, items]) => [
        variantId,
        items.map((item) => item.inventory_item_id),
      ])
    )

    const resolved: ResolvedStockAddress[] = addresses.map((address) => {
      if (address.stock_item_id) {
        const item = stockItemById.get(address.stock_item_id)
        if (!item) {
          throw new MedusaError(
            MedusaError.Types.NOT_FOUND,
            `Stock item ${address.stock_item_id} not found`
          )
        }
        return {
          inventory_item_id: item.inventory_item_id,
          location_id: item.location_id,
          variant_id: address.variant_id ?? null,
        }
      }
      if (!address.location_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "location_id is required when stock is addressed by inventory_item_id or variant_id"
        )
      }
      if (address.variant_id) {
        const items = variantItems.get(address.variant_id)
        if (!items) {
          throw new MedusaError(
            MedusaError.Types.NOT_FOUND,
            `Variant ${address.variant_id} not found`
          )
        }
        if (items.length !== 1) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            items.length
              ? `Variant ${address.variant_id} is made of ${items.length} inventory items; address each by inventory_item_id`
              : `Variant ${address.variant_id} has no inventory item (its inventory is not managed)`
          )
        }
        return {
          inventory_item_id: items[0],
          location_id: address.location_id,
          variant_id: address.variant_id,
        }
      }
      if (!address.inventory_item_id) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "Address stock by stock_item_id, or by inventory_item_id or variant_id with location_id"
        )
      }
      return {
        inventory_item_id: address.inventory_item_id,
        location_id: address.location_id,
        variant_id: null,
      }
    })

    const inventoryItemIds = [...new Set(resolved.map((r) => r.inventory_item_id))]
    const foundItems = await inventory.listInventoryItems(
      { id: inventoryItemIds },
      { select: ["id"], take: null }
    )
    const foundItemIds = new Set(foundItems.map((item) => item.id))
    const unknownItems = inventoryItemIds.filter((id) => !foundItemIds.has(id))
    if (unknownItems.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Inventory item ${unknownItems.join(", ")} not found`
      )
    }

    const locationIds = [...new Set(resolved.map((r) => r.location_id))]
    const foundLocations = await stockLocations.listStockLocations(
      { id: locationIds },
      { select: ["id"], take: null }
    )
    const foundLocationIds = new Set(foundLocations.map((location) => location.id))
    const unknownLocations = locationIds.filter((id) => !foundLocationIds.has(id))
    if (unknownLocations.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Stock location ${unknownLocations.join(", ")} not found`
      )
    }
    return new StepResponse(resolved)
  }
)
