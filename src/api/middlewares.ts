import { defineMiddlewares } from "@medusajs/framework/http"
import { adminInventoryUnitsMiddlewares } from "./admin/inventory-units/middlewares"
import { adminStockItemsMiddlewares } from "./admin/stock-items/middlewares"
import { adminStockMovementsMiddlewares } from "./admin/stock-movements/middlewares"

// Each route folder declares its own validation; this file only gathers them.
export default defineMiddlewares({
  routes: [
    ...adminStockMovementsMiddlewares,
    ...adminStockItemsMiddlewares,
    ...adminInventoryUnitsMiddlewares,
  ],
})
