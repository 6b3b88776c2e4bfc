import { defineMiddlewares } from "@medusajs/framework/http"
import { adminInventoryUnitsMiddlewares } from "./admin/inventory-units/middlewares"
import { adminOrdersMiddlewares } from "./admin/orders/middlewares"
import { adminPurchaseOrdersMiddlewares } from "./admin/purchase-orders/middlewares"
import { adminReturnAuthorizationsMiddlewares } from "./admin/return-authorizations/middlewares"
import { adminStockCountsMiddlewares } from "./admin/stock-counts/middlewares"
import { adminStockItemsMiddlewares } from "./admin/stock-items/middlewares"
import { adminStockLocationSettingsMiddlewares } from "./admin/stock-locations/middlewares"
import { adminStockMovementsExportMiddlewares } from "./admin/stock-movements/export/middlewares"
import { adminStockMovementsMiddlewares } from "./admin/stock-movements/middlewares"
import { adminStockBatchMiddlewares } from "./admin/stock-movements/batch/middlewares"
import { adminStockTransfersMiddlewares } from "./admin/stock-transfers/middlewares"
import { adminStockroomMiddlewares } from "./admin/stockroom/middlewares"
import { storeStockroomMiddlewares } from "./store/middlewares"
import { adminStockSubscriptionsMiddlewares } from "./admin/stock-subscriptions/middlewares"
import { storeStockSubscriptionsMiddlewares } from "./store/stock-subscriptions/middlewares"
import { ensureVariantTracking } from "./variant-tracking"

// Each route folder declares its own validation; this file only gathers them.
export default defineMiddlewares({
  routes: [
    { matcher: "/store/*", middlewares: [ensureVariantTracking] },
    { matcher: "/admin/*", middlewares: [ensureVariantTracking] },
    ...adminStockMovementsMiddlewares,
    ...adminStockMovementsExportMiddlewares,
    ...adminStockBatchMiddlewares,
    ...adminStockItemsMiddlewares,
    ...adminInventoryUnitsMiddlewares,
    ...adminStockTransfersMiddlewares,
    ...adminStockLocationSettingsMiddlewares,
    ...adminOrdersMiddlewares,
    ...storeStockroomMiddlewares,
    ...adminReturnAuthorizationsMiddlewares,
    ...adminPurchaseOrdersMiddlewares,
    ...storeStockSubscriptionsMiddlewares,
    ...adminStockSubscriptionsMiddlewares,
    ...adminStockCountsMiddlewares,
    ...adminStockroomMiddlewares,
  ],
})
