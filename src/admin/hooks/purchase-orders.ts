import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  backordersQueryKeys,
  inventoryUnitsQueryKeys,
  purchaseOrdersQueryKeys,
  stockItemsQueryKeys,
  stockMovementsQueryKeys,
  stockTransfersQueryKeys,
} from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  CreatePurchaseOrderBody,
  PurchaseOrderResponse,
  PurchaseOrdersResponse,
  ReceiptLineBody,
  StockTransfer,
} from "../lib/types"

export type PurchaseOrderListQuery = {
  state?: string
  location_id?: string
  q?: string
  offset?: number
  limit?: number
}

export const usePurchaseOrders = (query: PurchaseOrderListQuery) =>
  useQuery({
    queryKey: purchaseOrdersQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<PurchaseOrdersResponse>("/admin/purchase-orders", { query }),
    placeholderData: keepPreviousData,
  })

export const usePurchaseOrder = (id: string) =>
  useQuery({
    queryKey: purchaseOrdersQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<PurchaseOrderResponse>(`/admin/purchase-orders/${id}`),
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
      sdk.client.fetch<PurchaseOrderResponse>("/admin/purchase-orders", { method: "POST", body }),
    onSuccess: invalidate,
  })
}

/** `order`, `cancel` or a receipt on one purchase order. */
export const usePurchaseOrderAction = (id: string) => {
  const invalidate = useInvalidateStock()
  return useMutation({
    mutationFn: ({ action, body }: { action: "order" | "cancel" | "receive"; body?: { items: ReceiptLineBody[]; note?: string } }) =>
      sdk.client.fetch<PurchaseOrderResponse>(`/admin/purchase-orders/${id}/${action}`, {
        method: "POST",
        body: body ?? {},
      }),
    onSuccess: invalidate,
  })
}

/** Receive (everything outstanding) or cancel a transfer in transit. */
export const useTransitTransferAction = () => {
  const invalidate = useInvalidateStock()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "receive" | "cancel" }) =>
      sdk.client.fetch<{ stock_transfer: StockTransfer }>(`/admin/stock-transfers/${id}/${action}`, {
        method: "POST",
        body: {},
      }),
    onSuccess: invalidate,
  })
}

/** Transfers on their way, newest first. */
export const useTransfersInTransit = () =>
  useQuery({
    queryKey: stockTransfersQueryKeys.list({ state: "in_transit" }),
    queryFn: () =>
      sdk.client.fetch<{ stock_transfers: StockTransfer[]; count: number }>("/admin/stock-transfers", {
        query: { state: "in_transit", limit: 100 },
      }),
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
