import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { asArray } from "../../query-values"
import { requestSalesChannelId } from "../sales-channel"
import type { StoreGetStockAvailabilityParamsType } from "../validators"

/**
 * GET /store/stock-availability — Spree's `variant.on_hand`, `in_stock?`
 * and `product.has_stock?`, counted over the request's sales channel.
 * `on_hand` is never negative and is left out when expose_stock_counts is
 * off; untracked variants are in stock with `on_hand: null` (unlimited).
 * `incoming` (hidden with the counts) and `next_restock_at` say what is on
 * its way to the channel's locations.
 */
export const GET = async (
  req: MedusaRequest<unknown, StoreGetStockAvailabilityParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as StoreGetStockAvailabilityParamsType
  const salesChannelId = requestSalesChannelId(req, params.sales_channel_id)
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const exposeCounts = stockroom.getOptions().expose_stock_counts
  const variantIds = [...new Set(asArray(params.variant_id) ?? [])]
  const productIds = [...new Set(asArray(params.product_id) ?? [])]

  const [variantRows, productRows, incoming] = await Promise.all([
    stockroom.listVariantStock(salesChannelId, variantIds),
    productIds.length
      ? stockroom.listProductStock(salesChannelId, productIds)
      : Promise.resolve([] as { product_id: string; has_stock: boolean }[]),
    stockroom.listVariantIncoming(salesChannelId, variantIds),
  ])
  const unknown = [
    ...variantIds.filter((id) => !variantRows.some((row) => row.variant_id === id)),
    ...productIds.filter((id) => !productRows.some((row) => row.product_id === id)),
  ]
  if (unknown.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Not found: ${unknown.join(", ")}`)
  }
  res.json({
    variants: variantIds.map((id) => {
      const row = variantRows.find((candidate) => candidate.variant_id === id)!
      return {
        variant_id: id,
        ...(exposeCounts ? { on_hand: row.tracked ? row.available : null } : {}),
        in_stock: !row.tracked || row.available > 0,
        backorderable: row.backorderable,
        ...(exposeCounts ? { incoming: incoming.get(id)?.incoming ?? 0 } : {}),
        next_restock_at: incoming.get(id)?.next_restock_at ?? null,
      }
    }),
    products: productIds.map((id) => ({
      product_id: id,
      has_stock: productRows.find((row) => row.product_id === id)!.has_stock,
    })),
  })
}
