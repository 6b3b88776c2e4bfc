import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../../modules/stockroom/types"

/**
 * GET /store/carts/:id/stock-shortfall — per line: the quantity, how much
 * of it stock covers and how much would be backordered (lines of one
 * variant share its stock in cart order). With expose_stock_counts off
 * `available` is left out; `backordered` still tells the customer what waits.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "items.id", "items.variant_id", "items.quantity", "items.created_at"],
    filters: { id: req.params.id },
  })
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${req.params.id} was not found`)
  }
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const lines = ((cart.items ?? []) as any[])
    .filter((item) => item?.variant_id)
    .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id))
    .map((item) => ({
      line_item_id: item.id,
      variant_id: item.variant_id,
      quantity: Number(item.quantity),
    }))
  const { lines: checked } =
    cart.sales_channel_id && lines.length
      ? await stockroom.checkCartStock(cart.sales_channel_id, lines, cart.id)
      : { lines: lines.map((line) => ({ ...line, available: line.quantity, backordered: 0 })) }
  const exposeCounts = stockroom.getOptions().expose_stock_counts
  res.json({
    items: checked.map((line) => ({
      line_item_id: line.line_item_id,
      variant_id: line.variant_id,
      quantity: line.quantity,
      ...(exposeCounts ? { available: line.available } : {}),
      backordered: line.backordered,
    })),
  })
}
