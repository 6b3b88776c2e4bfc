import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  inventoryItemIdsOf,
  resolveVariantInventoryItems,
} from "../../../lib/variant-inventory-items"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { listOrderOf, withSelectedFields } from "../../list-query"
import { asArray } from "../../query-values"
import { withHeld } from "./held"
import { orderableAdminStockItemFields } from "./query-config"
import type { AdminGetStockItemsParamsType } from "./validators"

/** GET /admin/stock-items — stock items with their live counts. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetStockItemsParamsType>,
  res: MedusaResponse
) => {
  const params = req.validatedQuery as AdminGetStockItemsParamsType
  const { skip, take } = req.queryConfig.pagination
  const { field, direction } = listOrderOf(req, orderableAdminStockItemFields)
  let inventoryItemIds = asArray(params.inventory_item_id)
  const variantIds = asArray(params.variant_id)
  if (variantIds) {
    const ofVariants = inventoryItemIdsOf(
      await resolveVariantInventoryItems(
        req.scope.resolve(ContainerRegistrationKeys.QUERY),
        variantIds
      )
    )
    inventoryItemIds = inventoryItemIds
      ? inventoryItemIds.filter((id) => ofVariants.includes(id))
      : ofVariants
  }
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [stock_items, count] =
    inventoryItemIds && !inventoryItemIds.length
      ? [[], 0]
      : await stockroom.listStockItemsWithCounts(
          {
            inventory_item_id: inventoryItemIds,
            location_id: asArray(params.location_id),
            backordered: params.backordered,
            low_stock: params.low_stock,
            incoming: params.incoming,
            q: params.q,
          },
          // The service takes Medusa's order string: "-count_on_hand" for descending.
          { offset: skip, limit: take, order: `${direction === "DESC" ? "-" : ""}${field}` }
        )
  res.json({
    stock_items: withSelectedFields(req, await withHeld(stockroom, stock_items)),
    count,
    offset: skip,
    limit: take,
  })
}
