import type { MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaResource, StockroomResource } from "../../../../lib/access-control"
import { needs } from "../../access"
import { validateBatchBody } from "./validate-batch"
import {
  AdminBatchStockMovementRow,
  AdminCreateStockMovementBatch,
  AdminSetStockLevels,
  AdminStockLevelRow,
} from "./validators"

// 10,000 rows of a movement body is about 2 MB of JSON.
const BATCH_BODY = { sizeLimit: "16mb" }

// Both batches change Medusa's inventory levels as well as the ledger, as a single movement does.
const BATCH_POLICIES = [
  needs(StockroomResource.stock_movement, "create"),
  needs(MedusaResource.inventory_level, "update"),
]

export const adminStockBatchMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/stock-movements/batch",
    bodyParser: BATCH_BODY,
    policies: BATCH_POLICIES,
    middlewares: [
      validateBatchBody(AdminCreateStockMovementBatch, "movements", AdminBatchStockMovementRow),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/stock-levels/batch",
    bodyParser: BATCH_BODY,
    policies: BATCH_POLICIES,
    middlewares: [validateBatchBody(AdminSetStockLevels, "levels", AdminStockLevelRow)],
  },
]
