import { z } from "@medusajs/framework/zod"

const id = (field: string) =>
  z.string(`${field} must be a string`).trim().min(1, `${field} must not be empty`)

/** Moves an order line's whole unshipped rest to another location of the order's channel. */
export const AdminReallocateOrderLine = z
  .object({
    line_item_id: id("line_item_id"),
    location_id: id("location_id"),
  })
  .strict()
export type AdminReallocateOrderLineType = z.infer<typeof AdminReallocateOrderLine>

/** The line whose possible destinations are listed. */
export const AdminGetOrderLineReallocationTargets = z
  .object({ line_item_id: id("line_item_id") })
  .strict()
export type AdminGetOrderLineReallocationTargetsType = z.infer<typeof AdminGetOrderLineReallocationTargets>
