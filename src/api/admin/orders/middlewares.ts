import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { resolveVariantInventoryItems } from "../../../lib/variant-inventory-items"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { assertBackorderShippingAllowed } from "../../../modules/stockroom/units/backorder-shipping"
import { listInventoryUnitsQueryConfig } from "../inventory-units/query-config"
import { AdminGetOrderInventoryUnitsParams } from "../inventory-units/validators"
import { AdminGetOrderLineReallocationTargets, AdminReallocateOrderLine } from "./validators"

/**
 * Refuses a fulfillment that would ship backordered units while
 * allow_backorder_shipping is off, before Medusa changes anything. The
 * fulfillment hook enforces the same rule for callers that run Medusa's
 * workflow directly, but there Medusa has already moved stock and must undo it.
 */
export async function refuseBackorderedFulfillment(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    await assertNoBackorderedShipping(req)
  } catch (err) {
    return next(err)
  }
  return next()
}

async function assertNoBackorderedShipping(req: MedusaRequest) {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const items = (req.body as any)?.items
  const allowBackorderShipping = stockroom.getOptions().allow_backorder_shipping
  if (allowBackorderShipping || !Array.isArray(items) || !items.length) {
    return
  }
  const wanted = items.filter(
    (item: any) => typeof item?.id === "string" && Number.isFinite(item?.quantity)
  ) as { id: string; quantity: number }[]
  const units = await stockroom.listInventoryUnits(
    {
      order_id: req.params.id,
      line_item_id: wanted.map((item) => item.id),
      state: ["on_hand", "backordered"],
    },
    { take: null, select: ["line_item_id", "variant_id", "inventory_item_id", "state", "quantity"] }
  )
  if (!units.some((unit) => unit.state === "backordered")) {
    return
  }
  const variantIds = units.map((unit) => unit.variant_id).filter((id): id is string => !!id)
  const itemsByVariant = await resolveVariantInventoryItems(
    req.scope.resolve(ContainerRegistrationKeys.QUERY),
    variantIds
  )
  const requiredQuantity = (variantId: string, inventoryItemId: string) =>
    itemsByVariant.get(variantId)?.find((item) => item.inventory_item_id === inventoryItemId)
      ?.required_quantity ?? 1
  for (const item of wanted) {
    const ofLine = units.filter((unit) => unit.line_item_id === item.id && unit.inventory_item_id)
    const byInventoryItem = new Map<string, { onHand: number; backordered: number; variant: string }>()
    for (const unit of ofLine) {
      const entry = byInventoryItem.get(unit.inventory_item_id!) ?? {
        onHand: 0,
        backordered: 0,
        variant: unit.variant_id ?? "",
      }
      if (unit.state === "on_hand") {
        entry.onHand += unit.quantity
      } else {
        entry.backordered += unit.quantity
      }
      byInventoryItem.set(unit.inventory_item_id!, entry)
    }
    for (const [inventoryItemId, counts] of byInventoryItem) {
      assertBackorderShippingAllowed(
        {
          line_item_id: item.id,
          inventory_item_id: inventoryItemId,
          requested: item.quantity * requiredQuantity(counts.variant, inventoryItemId),
          on_hand: counts.onHand,
          backordered: counts.backordered,
        },
        allowBackorderShipping
      )
    }
  }
}
import { MedusaResource, StockroomResource } from "../../../lib/access-control"
import { needs } from "../access"

export const adminOrdersMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/inventory-units",
    policies: [needs(StockroomResource.inventory_unit, "read")],
    middlewares: [
      validateAndTransformQuery(
        AdminGetOrderInventoryUnitsParams,
        listInventoryUnitsQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/inventory-units/reallocate",
    policies: [needs(StockroomResource.inventory_unit, "read")],
    middlewares: [validateAndTransformQuery(AdminGetOrderLineReallocationTargets, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/inventory-units/reallocate",
    // Moving a line changes its units, writes movements, and moves Medusa's
    // reservations of the order.
    policies: [
      needs(StockroomResource.inventory_unit, "update"),
      needs(StockroomResource.stock_movement, "create"),
      needs(MedusaResource.order, "update"),
      needs(MedusaResource.reservation_item, "update"),
    ],
    middlewares: [validateAndTransformBody(AdminReallocateOrderLine)],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/fulfillments",
    middlewares: [refuseBackorderedFulfillment],
  },
]
