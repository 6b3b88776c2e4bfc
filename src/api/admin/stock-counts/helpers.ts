import { MedusaContainer } from "@medusajs/framework/types"
import {
  STOCKROOM_MODULE,
  type IStockroomModuleService,
  type StockCountDTO,
  type StockCountItemDTO,
} from "../../../modules/stockroom/types"
import type { ListOrder } from "../../list-query"
import { asArray } from "../../query-values"
import type { AdminGetStockCountsParamsType } from "./validators"

const ITEM_FIELDS: (keyof StockCountItemDTO)[] = [
  "id",
  "stock_count_id",
  "stock_item_id",
  "inventory_item_id",
  "sku",
  "expected",
  "counted",
  "counted_at",
  "expected_at_count",
  "difference",
  "movement_id",
]

/** A count as the API shows it: its items ordered by SKU, each with the fields of the contract. */
function present(count: any): StockCountDTO {
  const items = [...(count.items ?? [])]
    .map((item: any) =>
      Object.fromEntries(
        ITEM_FIELDS.map((field) => [field, field === "stock_count_id" ? count.id : item[field] ?? null])
      ) as StockCountItemDTO
    )
    .sort((a, b) => (a.sku ?? a.inventory_item_id).localeCompare(b.sku ?? b.inventory_item_id))
  const { items: _items, deleted_at: _deleted, ...rest } = count
  return { ...rest, items }
}

export async function retrieveStockCount(container: MedusaContainer, id: string) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  return present(await stockroom.retrieveStockCount(id, { relations: ["items"] }))
}

export async function listStockCounts(
  container: MedusaContainer,
  params: AdminGetStockCountsParamsType,
  page: { skip: number; take: number; order: ListOrder }
) {
  const filters: Record<string, unknown> = {}
  const locations = asArray(params.location_id)
  const states = asArray(params.state as string | string[] | undefined)
  if (locations) {
    filters.location_id = locations
  }
  if (states) {
    filters.state = states
  }
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [counts, count] = await stockroom.listAndCountStockCounts(filters, {
    skip: page.skip,
    take: page.take,
    order: { [page.order.field]: page.order.direction, id: page.order.direction },
    relations: ["items"],
  })
  return { stock_counts: counts.map(present), count }
}
