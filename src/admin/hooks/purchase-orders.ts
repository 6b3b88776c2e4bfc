import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  backordersQueryKeys,
  inventoryUnitsQueryKeys,
  purchaseOrdersQueryKeys,
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
  stockTransfersQueryKeys,
} from "../lib/query-keys"
import { sdk, stockroom } from "../lib/sdk"
import type {
  CreatePurchaseOrderBody,
  PurchaseOrderResponse,
  PurchaseOrdersResponse,
  PurchaseOrderState,
  ReceiptLineBody,
} from "../lib/types"

export type PurchaseOrderListQuery = {
  state?: PurchaseOrderState
  location_id?: string
  q?: string
  offset?: number
  limit?: number
  /** A sort field, `-` first for descending (the route's validator lists them). */
  order?: string
}

export const usePurchaseOrders = (query: PurchaseOrderListQuery) =>
  useQuery({
    queryKey: purchaseOrdersQueryKeys.list(query),
    queryFn: () =>
      stockroom.adminListPurchaseOrders({ query }) as Promise<PurchaseOrdersResponse>,
    placeholderData: keepPreviousData,
  })

export const usePurchaseOrder = (id: string) =>
  useQuery({
    queryKey: purchaseOrdersQueryKeys.detail(id),
    queryFn: () => stockroom.adminGetPurchaseOrder({ id }) as Promise<PurchaseOrderResponse>,
  })

/** Everything a receipt, transfer or order change can move on screen. */
const useInvalidateStock = () => {
  const queryClient = useQueryClient()
  return () => {
    for (const keys of [
      purchaseOrdersQueryKeys,
      stockItemsQueryKeys,
      stockMovementsQueryKeys,
      stockTransfersQueryKeys,
      backordersQueryKeys,
      inventoryUnitsQueryKeys,
    ]) {
      queryClient.invalidateQueries({ queryKey: keys.all })
    }
  }
}

export const useCreatePurchaseOrder = () => {
  const invalidate = useInvalidateStock()
  return useMutation({
    mutationFn: (body: CreatePurchaseOrderBody) =>
      stockroom.adminCreatePurchaseOrder({ body }),
    onSuccess: invalidate,
  })
}

export type PurchaseOrderAction =
  | { action: "receive"; body: { items: ReceiptLineBody[]; note?: string } }
  | { action: "order" | "cancel" }

const orderOrCancel = {
  order: stockroom.adminOrderPurchaseOrder,
  cancel: stockroom.adminCancelPurchaseOrder,
}

/** `order`, `cancel` or a receipt on one purchase order. */
export const usePurchaseOrderAction = (id: string) => {
  const invalidate = useInvalidateStock()
  return useMutation({
    mutationFn: (request: PurchaseOrderAction) =>
      request.action === "receive"
        ? stockroom.adminReceivePurchaseOrder({ id, body: request.body })
        : orderOrCancel[request.action]({ id, body: {} }),
    onSuccess: invalidate,
  })
}

const transferActions = {
  receive: stockroom.adminReceiveStockTransfer,
  cancel: stockroom.adminCancelStockTransfer,
}

/** Receive (everything outstanding) or cancel a transfer in transit. */
export const useTransitTransferAction = () => {
  const invalidate = useInvalidateStock()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "receive" | "cancel" }) =>
      transferActions[action]({ id, body: {} }),
    onSuccess: invalidate,
  })
}

/** Transfers on their way, newest first. */
export const useTransfersInTransit = () =>
  useQuery({
    queryKey: stockTransfersQueryKeys.list({ state: "in_transit" }),
    queryFn: () =>
      stockroom.adminListStockTransfers({ query: { state: "in_transit", limit: 100 } }),
    select: (data) => data.stock_transfers,
  })

/** Inventory items matching a SKU or title, for picking what to order. */
export const useInventoryItemSearch = (q: string) =>
  useQuery({
    queryKey: ["stockroom", "inventory_item_search", q],
    queryFn: () => sdk.admin.inventoryItem.list({ q, fields: "id,title,sku", limit: 10 }),
    select: (data) => data.inventory_items.map((item) => ({ id: item.id, title: item.title ?? null, sku: item.sku ?? null })),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  })
