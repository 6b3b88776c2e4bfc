import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../openapi/define"
import { calendarDate, timestamp } from "../../openapi/schemas"
import {
  StoreGetCartStockShortfallParams,
  StoreGetOrderBackordersParams,
  StoreGetStockAvailabilityParams,
  StorePostCartStockHold,
} from "./validators"

/**
 * Counts (`on_hand`, `incoming`, `available`) are left out when the store
 * runs with `expose_stock_counts: false`.
 */
export const StoreStockAvailabilityResponse = z.looseObject({
  variants: z.array(
    z.looseObject({
      variant_id: z.string(),
      /** sellable units over the sales channel's locations, never negative; null when untracked */
      on_hand: z.number().int().nullable().optional(),
      in_stock: z.boolean(),
      backorderable: z.boolean(),
      incoming: z.number().int().optional(),
      next_restock_at: calendarDate.nullable(),
    })
  ),
  products: z.array(z.looseObject({ product_id: z.string(), has_stock: z.boolean() })),
})

export const StoreCartStockShortfallResponse = z.looseObject({
  items: z.array(
    z.looseObject({
      line_item_id: z.string(),
      variant_id: z.string(),
      quantity: z.number().int(),
      available: z.number().int().optional(),
      /** how much of the line would be backordered */
      backordered: z.number().int(),
    })
  ),
})

export const StoreOrderBackordersResponse = z.looseObject({
  order_id: z.string(),
  backorders: z.array(
    z.looseObject({
      id: z.string(),
      line_item_id: z.string(),
      variant_id: z.string().nullable(),
      quantity: z.number().int(),
      ordered_at: timestamp,
      expected_at: calendarDate.nullable(),
    })
  ),
  count: z.number().int(),
})

export const StoreCartStockHoldResponse = z.looseObject({
  stock_hold: z.looseObject({
    expires_at: timestamp,
    items: z.array(
      z.looseObject({
        line_item_id: z.string().optional(),
        variant_id: z.string(),
        quantity: z.number().int(),
        held: z.number().int(),
      })
    ),
  }),
})

export const StoreCartStockHoldDeleteResponse = z.looseObject({
  id: z.string(),
  object: z.literal("stock_hold"),
  deleted: z.boolean(),
})

export const operations = defineOperations([
  {
    id: "storeGetStockAvailability",
    method: "GET",
    path: "/store/stock-availability",
    summary: "Availability of variants and products in the request's sales channel",
    query: StoreGetStockAvailabilityParams,
    response: StoreStockAvailabilityResponse,
  },
  {
    id: "storeGetCartStockShortfall",
    method: "GET",
    path: "/store/carts/{id}/stock-shortfall",
    summary: "What of a cart's lines stock does not cover",
    query: StoreGetCartStockShortfallParams,
    response: StoreCartStockShortfallResponse,
  },
  {
    id: "storeHoldCartStock",
    method: "POST",
    path: "/store/carts/{id}/stock-hold",
    summary: "Hold the cart's stock for checkout (renews an existing hold)",
    body: StorePostCartStockHold,
    response: StoreCartStockHoldResponse,
  },
  {
    id: "storeReleaseCartStockHold",
    method: "DELETE",
    path: "/store/carts/{id}/stock-hold",
    summary: "Release the cart's hold",
    response: StoreCartStockHoldDeleteResponse,
  },
  {
    id: "storeListOrderBackorders",
    method: "GET",
    path: "/store/orders/{id}/backorders",
    summary: "The signed-in customer's backordered units on their order",
    query: StoreGetOrderBackordersParams,
    response: StoreOrderBackordersResponse,
  },
])
