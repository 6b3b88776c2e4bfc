import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveVariantInventoryItems } from "../../lib/variant-inventory-items"
import { BatchRowError, batchRowsError } from "../../modules/stockroom/bulk/errors"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"
import type { StockAddress } from "./resolve-stock-item-refs"

/** A batch row's stock address: as a single movement's, or by the inventory item's SKU. */
export type BatchStockAddress = StockAddress & { sku?: string }

export type ResolveBatchStockRefsInput = {
  /** the request's array, for messages: `movements`, `levels` */
  field: string
  rows: BatchStockAddress[]
  /** refuse two rows for the same stock item (absolute levels must not contradict) */
  unique?: boolean
}

export type ResolvedBatchRef = { inventory_item_id: string; location_id: string }

export const resolveBatchStockRefsStepId = "resolve-batch-stock-refs"

/**
 * Resolves every row of a batch to (inventory item, location) with one
 * lookup per kind of reference, and refuses the batch listing every row
 * whose stock item, inventory item, SKU, variant or location does not
 * exist (404 when that is all that is wrong, else 400), so nothing is
 * written for a batch with any bad row.
 */
export const resolveBatchStockRefsStep = createStep(
  resolveBatchStockRefsStepId,
  async ({ field, rows, unique }: ResolveBatchStockRefsInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const inventory = container.resolve(Modules.INVENTORY)
    const stockLocations = container.resolve(Modules.STOCK_LOCATION)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)

    const distinct = (pick: (row: BatchStockAddress) => string | undefined) => [
      ...new Set(rows.map(pick).filter((value): value is string => !!value)),
    ]
    const stockItemIds = distinct((row) => row.stock_item_id)
    const stockItems = new Map(
      (stockItemIds.length
        ? await stockroom.listStockItems({ id: stockItemIds }, { take: null })
        : []
      ).map((item) => [item.id, item])
    )
    const skus = distinct((row) => row.sku)
    const itemIdBySku = new Map<string, string>()
    const directIds = distinct((row) => row.inventory_item_id)
    const knownItemIds = new Set<string>()
    if (skus.length || directIds.length) {
      const [bySku, byId] = await Promise.all([
        skus.length
          ? inventory.listInventoryItems({ sku: skus }, { select: ["id", "sku"], take: null })
          : [],
        directIds.length
          ? inventory.listInventoryItems({ id: directIds }, { select: ["id"], take: null })
          : [],
      ])
      for (const item of bySku) {
        itemIdBySku.set(item.sku!, item.id)
      }
      for (const item of byId) {
        knownItemIds.add(item.id)
      }
    }
    const variantItems = await resolveVariantInventoryItems(
      query,
      distinct((row) => row.variant_id)
    )
    const locationIds = distinct((row) => row.location_id)
    const knownLocations = new Set(
      (locationIds.length
        ? await stockLocations.listStockLocations(
            { id: locationIds },
            { select: ["id"], take: null }
          )
        : []
      ).map((location) => location.id)
    )

    const errors: BatchRowError[] = []
    let onlyUnknown = true
    const refuse = (index: number, message: string, unknown = true) => {
      errors.push({ index, message })
      onlyUnknown &&= unknown
    }
    const resolved: ResolvedBatchRef[] = rows.map((row, index) => {
      if (row.stock_item_id) {
        const item = stockItems.get(row.stock_item_id)
        if (!item) {
          refuse(index, `stock item ${row.stock_item_id} not found`)
          return { inventory_item_id: "", location_id: "" }
        }
        return { inventory_item_id: item.inventory_item_id, location_id: item.location_id }
      }
      let inventoryItemId = ""
      if (row.sku) {
        inventoryItemId = itemIdBySku.get(row.sku) ?? ""
        if (!inventoryItemId) {
          refuse(index, `no inventory item has SKU ${row.sku}`)
        }
      } else if (row.variant_id) {
        const items = variantItems.get(row.variant_id)
        if (!items) {
          refuse(index, `variant ${row.variant_id} not found`)
        } else if (items.length !== 1) {
          refuse(
            index,
            items.length
              ? `variant ${row.variant_id} is made of ${items.length} inventory items; address each by inventory_item_id`
              : `variant ${row.variant_id} has no inventory item (its inventory is not managed)`,
            false
          )
        } else {
          inventoryItemId = items[0].inventory_item_id
        }
      } else if (row.inventory_item_id) {
        inventoryItemId = knownItemIds.has(row.inventory_item_id) ? row.inventory_item_id : ""
        if (!inventoryItemId) {
          refuse(index, `inventory item ${row.inventory_item_id} not found`)
        }
      }
      if (row.location_id && !knownLocations.has(row.location_id)) {
        refuse(index, `stock location ${row.location_id} not found`)
      }
      return { inventory_item_id: inventoryItemId, location_id: row.location_id ?? "" }
    })

    if (unique) {
      const firstAt = new Map<string, number>()
      resolved.forEach((ref, index) => {
        if (!ref.inventory_item_id || !ref.location_id) {
          return
        }
        const key = `${ref.inventory_item_id}|${ref.location_id}`
        const first = firstAt.get(key)
        if (first === undefined) {
          firstAt.set(key, index)
        } else {
          refuse(
            index,
            `inventory item ${ref.inventory_item_id} at location ${ref.location_id} is already set by ${field}[${first}]`,
            false
          )
        }
      })
    }
    if (errors.length) {
      throw batchRowsError(
        field,
        rows.length,
        errors,
        onlyUnknown ? MedusaError.Types.NOT_FOUND : MedusaError.Types.INVALID_DATA
      )
    }
    return new StepResponse(resolved)
  }
)
