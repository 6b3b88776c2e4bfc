import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import {
  PurchaseOrderDTO,
  STOCKROOM_MODULE,
  StockMovementDTO,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"
import type { ListOrder } from "../../list-query"
import { asArray } from "../../query-values"
import type { AdminGetPurchaseOrdersParamsType } from "./validators"

const byCreation = (a: { created_at: unknown; id: string }, b: { created_at: unknown; id: string }) =>
  new Date(a.created_at as string).getTime() - new Date(b.created_at as string).getTime() || a.id.localeCompare(b.id)

/** Purchase orders with their items, filtered and in the list's order (ties by id). */
export async function listPurchaseOrders(
  container: MedusaContainer,
  params: AdminGetPurchaseOrdersParamsType,
  page: { skip: number; take: number; order: ListOrder }
) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const filters: Record<string, unknown> = {}
  const states = asArray(params.state)
  const locations = asArray(params.location_id)
  const inventoryItems = asArray(params.inventory_item_id)
  if (states) {
    filters.state = states
  }
  if (locations) {
    filters.location_id = locations
  }
  if (inventoryItems) {
    const items = await stockroom.listPurchaseOrderItems(
      { inventory_item_id: inventoryItems },
      { select: ["id", "purchase_order_id"], take: null }
    )
    filters.id = [...new Set(items.map((item: any) => item.purchase_order_id as string))]
  }
  if (params.q) {
    const like = `%${params.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    filters.$or = [{ number: { $ilike: like } }, { supplier: { $ilike: like } }, { reference: { $ilike: like } }]
  }
  const { field, direction } = page.order
  const [orders, count] = await stockroom.listAndCountPurchaseOrders(filters, {
    relations: ["items"],
    skip: page.skip,
    take: page.take,
    order: { [field]: direction, id: direction },
  })
  for (const order of orders as any[]) {
    order.items = [...(order.items ?? [])].sort(byCreation)
  }
  return { purchase_orders: orders as unknown as PurchaseOrderDTO[], count }
}

/** One purchase order with its items, its receipts (with lines) and the movements they booked. */
export async function retrievePurchaseOrder(container: MedusaContainer, id: string): Promise<PurchaseOrderDTO> {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [order] = await stockroom.listPurchaseOrders(
    { id },
    { relations: ["items", "receipts", "receipts.lines"], take: 1 }
  )
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase order ${id} not found`)
  }
  const movements = (await stockroom.listStockMovements(
    { originator_type: "purchase_order", originator_id: id },
    { take: null, order: { created_at: "ASC", id: "ASC" } }
  )) as StockMovementDTO[]
  const purchaseOrder = order as unknown as PurchaseOrderDTO
  return {
    ...purchaseOrder,
    items: [...(purchaseOrder.items ?? [])].sort(byCreation),
    receipts: [...(purchaseOrder.receipts ?? [])].sort(byCreation).map((receipt) => ({
      ...receipt,
      lines: [...(receipt.lines ?? [])].sort((a, b) => a.id.localeCompare(b.id)),
    })),
    movements,
  }
}
