import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../../modules/stockroom/types"
import { withBackorderEtas } from "../../../../incoming-etas"

/**
 * GET /store/orders/:id/backorders — the signed-in customer's backordered
 * units of one of their orders, oldest first, each with the date incoming
 * stock should reach it (`expected_at`, null when none is known). Another customer's order is
 * answered as not found, so its existence is not revealed.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id"],
    filters: { id: req.params.id },
  })
  if (!order || order.customer_id !== req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const units = await stockroom.listInventoryUnits(
    { order_id: order.id, state: "backordered" },
    {
      select: ["id", "line_item_id", "variant_id", "quantity", "ordered_at"],
      order: { ordered_at: "ASC", id: "ASC" },
    }
  )
  res.json({
    order_id: order.id,
    backorders: (await withBackorderEtas(req.scope, units as any[])).map((unit: any) => ({
      id: unit.id,
      line_item_id: unit.line_item_id,
      variant_id: unit.variant_id,
      quantity: unit.quantity,
      ordered_at: unit.ordered_at,
      expected_at: unit.expected_at,
    })),
    count: units.length,
  })
}
