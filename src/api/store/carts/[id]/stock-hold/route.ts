import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { holdCartStockWorkflow, releaseCartHoldWorkflow } from "../../../../../workflows/hold-cart-stock"

async function readCart(req: MedusaRequest) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "completed_at", "items.id", "items.variant_id", "items.quantity", "items.created_at"],
    filters: { id: req.params.id },
  })
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${req.params.id} was not found`)
  }
  return cart as any
}

/**
 * POST /store/carts/:id/stock-hold — the customer starts checkout: each
 * tracked line's sellable stock is held for checkout_hold_minutes at the
 * location checkout would place it. Posting again renews the hold.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const cart = await readCart(req)
  if (cart.completed_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
  }
  if (!cart.sales_channel_id) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} has no sales channel`)
  }
  const lines = ((cart.items ?? []) as any[])
    .filter((item) => item?.variant_id)
    .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || a.id.localeCompare(b.id))
    .map((item) => ({ line_item_id: item.id, variant_id: item.variant_id, quantity: Number(item.quantity) }))
  const { result } = await holdCartStockWorkflow(req.scope).run({
    input: { cart_id: cart.id, sales_channel_id: cart.sales_channel_id, lines },
  })
  res.json({ stock_hold: result })
}

/** DELETE /store/carts/:id/stock-hold — the cart's hold is released. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const cart = await readCart(req)
  const { result } = await releaseCartHoldWorkflow(req.scope).run({ input: { cart_id: cart.id } })
  res.json({ id: cart.id, object: "stock_hold", deleted: result.length > 0 })
}
