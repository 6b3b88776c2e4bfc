import { z } from "@medusajs/framework/zod"
import { defineOperations } from "../../../../openapi/define"
import { AdminStockMovement } from "../openapi"
import { AdminCreateStockMovementBatch, AdminSetStockLevels } from "./validators"

const bookedMovements = z.array(AdminStockMovement)

/** One level's current and new on hand, from `preview: true`. */
const levelPreview = z.looseObject({
  index: z.number().int(),
  inventory_item_id: z.string(),
  sku: z.string().nullable(),
  location_id: z.string(),
  on_hand: z.number().int(),
  reserved: z.number().int(),
  new_on_hand: z.number().int(),
  difference: z.number().int(),
})

export const operations = defineOperations([
  {
    id: "adminCreateStockMovementBatch",
    method: "POST",
    path: "/admin/stock-movements/batch",
    summary: "Record up to 10,000 manual movements, all or nothing",
    body: AdminCreateStockMovementBatch,
    response: z.looseObject({
      count: z.number().int(),
      stock_movements: bookedMovements,
      backorders_filled: z.number().int(),
    }),
  },
  {
    id: "adminSetStockLevels",
    method: "POST",
    path: "/admin/stock-levels/batch",
    summary: "Set up to 10,000 absolute on-hand levels, each booked as a movement of the difference",
    body: AdminSetStockLevels,
    response: z.union([
      z.looseObject({ preview: z.array(levelPreview) }),
      z.looseObject({
        changed: z.number().int(),
        unchanged: z.number().int(),
        stock_movements: bookedMovements,
        backorders_filled: z.number().int(),
      }),
    ]),
  },
])
