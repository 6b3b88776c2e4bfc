import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE } from "../../../modules/stockroom/types"
import type StockroomModuleService from "../../../modules/stockroom/service"
import type { AdminGetStockItemsParamsType } from "./validators"
import { asArray } from "../../query-values"

/** GET /admin/stock-items — stock items with their live counts. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockItemsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetStockItemsParamsType
  let inventoryItemIds = asArray(params.inventory_item_id)
  const variantIds = asArray(params.variant_id)
  if (variantIds) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { id: variantIds },
    })
    const ofVariants = (data as any[]).flatMap((variant) =>
      (variant.inventory_items ?? []).map((link: any) => link.inventory_item_id)
    )
    inventoryItemIds = inventoryItemIds
      ? inventoryItemIds.filter((id) => ofVariants.includes(id))
      : ofVariants
  }
  const stockroom = req.scope.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const [stock_items, count] =
    inventoryItemIds && !inventoryItemIds.length
      ? [[], 0]
      : await stockroom.listStockItemsWithCounts(
          {
            inventory_item_id: inventoryItemIds,
            location_id: asArray(params.location_id),
            backordered: params.backordered,
            low_stock: params.low_stock,
            q: params.q,
          },
          { offset: params.offset, limit: params.limit, order: params.order }
        )
  res.json({ stock_items, count, offset: params.offset, limit: params.limit })
}
