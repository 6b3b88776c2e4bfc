import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  inventoryItemIdsOf,
  resolveVariantInventoryItems,
} from "../../../lib/variant-inventory-items"
import {
  STOCKROOM_MODULE,
  StockMovementDTO,
  type IStockroomModuleService,
  type StockMovementFilters,
  type StockMovementKeyset,
  type StockMovementPageOrder,
} from "../../../modules/stockroom/types"
import type { ListOrder } from "../../list-query"
import type { AdminStockMovementFiltersType } from "./validators"
import { asArray } from "../../query-values"

/** Turns the ledger query into module filters (variants → inventory items). */
export async function buildMovementFilters(
  container: MedusaContainer,
  params: AdminStockMovementFiltersType
): Promise<Record<string, unknown> | null> {
  const filters: Record<string, unknown> = {}
  const set = (key: string, value?: string | string[]) => {
    const values = asArray(value)
    if (values) {
      filters[key] = values
    }
  }
  set("stock_item_id", params.stock_item_id)
  set("inventory_item_id", params.inventory_item_id)
  set("location_id", params.location_id)
  set("kind", params.kind as string | string[] | undefined)
  set("originator_type", params.originator_type as string | string[] | undefined)
  set("originator_id", params.originator_id)
  set("reason_code", params.reason_code as string | string[] | undefined)
  if (params.created_at) {
    const range: Record<string, Date> = {}
    for (const [op, value] of Object.entries(params.created_at)) {
      if (value) {
        range[`$${op}`] = value
      }
    }
    filters.created_at = range
  }
  const variantIds = asArray(params.variant_id)
  if (variantIds) {
    const itemIds = inventoryItemIdsOf(
      await resolveVariantInventoryItems(
        container.resolve(ContainerRegistrationKeys.QUERY),
        variantIds
      )
    )
    if (!itemIds.length) {
      return null
    }
    const existing = filters.inventory_item_id as string[] | undefined
    filters.inventory_item_id = existing
      ? existing.filter((id) => itemIds.includes(id))
      : itemIds
  }
  return filters
}

/** The module order for a ledger order: ties by sequence, then id, the same way. */
export function movementOrder({ field, direction }: ListOrder) {
  return { [field]: direction, sequence: direction, id: direction }
}

export async function listStockMovements(
  container: MedusaContainer,
  params: AdminStockMovementFiltersType,
  page: { skip: number; take: number; order: ListOrder }
) {
  const filters = await buildMovementFilters(container, params)
  if (!filters) {
    return { movements: [], count: 0 }
  }
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [movements, count] = await Promise.all([
    stockroom.listStockMovements(filters, {
      skip: page.skip,
      take: page.take,
      order: movementOrder(page.order),
    }),
    stockroom.countStockMovements(filters as StockMovementFilters),
  ])
  return { movements: movements as StockMovementDTO[], count }
}

/**
 * Every movement matching the filters, in the given order, one page at a
 * time so a large ledger is never held in memory or fetched in one query.
 * Each page starts where the last one stopped (a keyset: the last row's
 * order value, sequence and id), so every page costs the same however deep
 * into the ledger it is. The export is bounded by the newest movement when
 * it starts (read from the database, to the microsecond): movements written
 * while it runs are left out, and no row is exported twice.
 */
export async function* iterateStockMovements(
  container: MedusaContainer,
  params: AdminStockMovementFiltersType,
  order: ListOrder,
  pageSize: number
): AsyncGenerator<StockMovementDTO[]> {
  const filters = await buildMovementFilters(container, params)
  if (!filters) {
    return
  }
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const until = await stockroom.newestStockMovementTime()
  if (!until) {
    return
  }
  let after: StockMovementKeyset | null = null
  do {
    const page = await stockroom.listStockMovementPage(filters as StockMovementFilters, {
      order: order as StockMovementPageOrder,
      limit: pageSize,
      after,
      until,
    })
    if (page.movements.length) {
      yield page.movements
    }
    after = page.next
  } while (after)
}
