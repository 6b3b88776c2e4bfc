import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { asArray } from "../../query-values"
import type { AdminGetDemandParamsType } from "../stock-subscriptions/validators"

/**
 * GET /admin/demand — variants by demand: waiting back-in-stock subscribers
 * plus backordered units, the largest first, with their product for links.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetDemandParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetDemandParamsType
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [rows, count] = await stockroom.listAndCountStockDemand({
    skip: params.offset,
    take: params.limit,
    variant_ids: asArray(params.variant_id),
  })
  const ids = rows.map((row) => row.variant_id)
  const { data: variants } = ids.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_variant",
        fields: ["id", "title", "sku", "product.id", "product.title"],
        filters: { id: ids },
        withDeleted: true,
      })
    : { data: [] as any[] }
  const byId = new Map(variants.map((variant: any) => [variant.id, variant]))
  res.json({
    demand: rows.map((row) => {
      const variant = byId.get(row.variant_id)
      return {
        ...row,
        total: row.waiting_subscribers + row.backordered_quantity,
        variant_title: variant?.title ?? null,
        sku: variant?.sku ?? null,
        product_id: variant?.product?.id ?? null,
        product_title: variant?.product?.title ?? null,
      }
    }),
    count,
    offset: params.offset,
    limit: params.limit,
  })
}
