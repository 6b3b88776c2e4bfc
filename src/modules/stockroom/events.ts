import type { StockSignal } from "./lib/ledger"

export const StockroomEvents = {
  STOCK_MOVEMENT_CREATED: "stockroom.stock_movement.created",
  STOCK_ITEM_LOW_STOCK: "stockroom.stock_item.low_stock",
  STOCK_ITEM_OUT_OF_STOCK: "stockroom.stock_item.out_of_stock",
  STOCK_ITEM_BACK_IN_STOCK: "stockroom.stock_item.back_in_stock",
  INVENTORY_UNIT_BACKORDER_FILLED: "stockroom.inventory_unit.backorder_filled",
  ORDER_BACKORDERS_FILLED: "stockroom.order.backorders_filled",
  RETURN_AUTHORIZATION_AUTHORIZED: "stockroom.return_authorization.authorized",
  RETURN_AUTHORIZATION_RECEIVED: "stockroom.return_authorization.received",
  RETURN_AUTHORIZATION_CANCELED: "stockroom.return_authorization.canceled",
  PURCHASE_ORDER_ORDERED: "stockroom.purchase_order.ordered",
  PURCHASE_ORDER_RECEIVED: "stockroom.purchase_order.received",
  PURCHASE_ORDER_CANCELED: "stockroom.purchase_order.canceled",
  STOCK_TRANSFER_RECEIVED: "stockroom.stock_transfer.received",
  signal(name: StockSignal["name"]): string {
    return `stockroom.stock_item.${name}`
  },
} as const
