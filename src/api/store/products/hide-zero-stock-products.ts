import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"

/**
 * With show_zero_stock_products off, Medusa's own `GET /store/products`
 * leaves out products none of whose variants has stock in the request's
 * sales channel. It narrows the route's own id filter before Medusa's
 * handler queries, so `count`, paging and every other filter still agree.
 * Read live on every request: a product is back as soon as stock arrives.
 */
export async function hideZeroStockProducts(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const options = stockroom.getOptions()
  if (options.show_zero_stock_products || !options.track_inventory_levels) {
    return next()
  }
  const filters = ((req as any).filterableFields ??= {})
  const channelIds = [filters.sales_channel_id]
    .flat()
    .filter(Boolean)
    .concat((req as any).publishable_key_context?.sales_channel_ids ?? [])
  const salesChannelId: string | undefined = channelIds[0]
  if (!salesChannelId) {
    return next()
  }
  const rows = await stockroom.listProductStock(salesChannelId)
  const hidden = rows.filter((row) => !row.has_stock).map((row) => row.product_id)
  const hiddenSet = new Set(hidden)
  if (!hidden.length) {
    return next()
  }
  const shown = rows.filter((row) => row.has_stock).map((row) => row.product_id)
  const asked = filters.id === undefined ? undefined : [filters.id].flat()
  // Whichever list is shorter keeps the product query small.
  filters.id = asked
    ? asked.filter((id: string) => !hiddenSet.has(id))
    : shown.length < hidden.length
      ? shown
      : { $nin: hidden }
  return next()
}
