import {
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminGetStockItemsParams,
  AdminUpdateStockItem,
} from "./admin/stock-items/validators"
import {
  AdminCreateStockMovement,
  AdminGetStockMovementsParams,
} from "./admin/stock-movements/validators"

const queryConfig = { defaults: [], isList: true }

export default defineMiddlewares({
  routes: [
    {
      method: ["POST"],
      matcher: "/admin/stock-movements",
      middlewares: [validateAndTransformBody(AdminCreateStockMovement)],
    },
    {
      method: ["GET"],
      matcher: "/admin/stock-movements",
      middlewares: [validateAndTransformQuery(AdminGetStockMovementsParams, queryConfig)],
    },
    {
      method: ["GET"],
      matcher: "/admin/stock-items",
      middlewares: [validateAndTransformQuery(AdminGetStockItemsParams, queryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/stock-items/:id",
      middlewares: [validateAndTransformBody(AdminUpdateStockItem)],
    },
  ],
})
