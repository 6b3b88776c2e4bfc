import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../../../../../modules/stockroom/types"
import { reallocateOrderLineWorkflow } from "../../../../../../workflows/reallocate-order-line"
import type {
  AdminGetOrderLineReallocationTargetsType,
  AdminReallocateOrderLineType,
} from "../../../validators"

/**
 * GET /admin/orders/:id/inventory-units/reallocate?line_item_id= — every
 * location of the order's channel as a destination for the line: sellable
 * stock there, what would be on_hand and backordered, and why a move there
 * is refused (`refusal`, null when allowed).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetOrderLineReallocationTargetsType>,
  res: MedusaResponse
) => {
  const { line_item_id } = req.validatedQuery as AdminGetOrderLineReallocationTargetsType
  const {
    data: [order],
  } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "sales_channel_id", "items.id"],
    filters: { id: req.params.id },
  })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  if (!(order.items ?? []).some((item: any) => item?.id === line_item_id)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Line item ${line_item_id} is not a line of order ${req.params.id}`
    )
  }
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const locations = order.sales_channel_id
    ? await stockroom.listLineReallocationTargets({
        order_id: order.id,
        line_item_id,
        sales_channel_id: order.sales_channel_id,
      })
    : []
  res.json({ locations })
}

/**
 * POST /admin/orders/:id/inventory-units/reallocate {line_item_id,
 * location_id} — moves the line's whole unshipped rest (every kit
 * component) and its reservations to the location. Answers with the line's
 * units after the move and the movements it wrote.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminReallocateOrderLineType>,
  res: MedusaResponse
) => {
  const { line_item_id, location_id } = req.validatedBody
  const { result } = await reallocateOrderLineWorkflow(req.scope).run({
    input: { order_id: req.params.id, line_item_id, location_id },
  })
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const inventory_units = await stockroom.listInventoryUnits(
    { order_id: req.params.id, line_item_id },
    { take: null, order: { ordered_at: "ASC", id: "ASC" } }
  )
  res.json({ inventory_units, stock_movements: result.result.movements })
}
