import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { quantityOf } from "../../../lib/medusa-values"
import type { CartStockLine } from "../../../modules/stockroom/types"
import { validateCartStockWorkflow } from "../../validate-cart-stock"

type HookContext = { container: MedusaContainer }

/**
 * The cart's sales channel and its lines that are for a variant: from the
 * cart the hook was given when it carries its items, else read. The hooks
 * run on every add to cart, so the cart is read at most once.
 */
async function readCartLines(
  container: MedusaContainer,
  cartId: string,
  given?: { sales_channel_id?: string | null; items?: unknown[] }
): Promise<{ sales_channel_id: string | null; lines: CartStockLine[] }> {
  let cart: any = given
  if (!Array.isArray(given?.items) || given?.sales_channel_id === undefined) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    ;({
      data: [cart],
    } = await query.graph({
      entity: "cart",
      fields: ["id", "sales_channel_id", "items.id", "items.variant_id", "items.quantity"],
      filters: { id: cartId },
    }))
  }
  return {
    sales_channel_id: cart?.sales_channel_id ?? null,
    lines: ((cart?.items ?? []) as any[])
      .filter((item) => item?.variant_id)
      .map((item) => ({
        line_item_id: item.id,
        variant_id: item.variant_id,
        quantity: quantityOf(item.quantity ?? item.raw_quantity),
      })),
  }
}

/** Add to cart: the cart's lines plus the new items. */
export async function addToCartValidateHandler(
  {
    input,
    cart: given,
  }: {
    input: { cart_id: string; items?: { variant_id?: string | null; quantity: unknown }[] }
    cart?: any
  },
  { container }: HookContext
) {
  const cart = await readCartLines(container, input.cart_id, given)
  const added = (input.items ?? [])
    .filter((item) => item.variant_id)
    .map((item) => ({ variant_id: item.variant_id!, quantity: Number(item.quantity) }))
  await validateCartStockWorkflow(container).run({
    input: { sales_channel_id: cart.sales_channel_id, cart_id: input.cart_id, lines: [...cart.lines, ...added] },
  })
}

/** Update a line: the cart's lines with that line's new quantity. */
export async function updateLineItemValidateHandler(
  {
    input,
    cart: given,
  }: { input: { cart_id: string; item_id: string; update: { quantity?: unknown } }; cart?: any },
  { container }: HookContext
) {
  const cart = await readCartLines(container, input.cart_id, given)
  const quantity = input.update?.quantity
  if (quantity === undefined || quantity === null) {
    return
  }
  const lines = cart.lines.map((line) =>
    line.line_item_id === input.item_id ? { ...line, quantity: Number(quantity) } : line
  )
  await validateCartStockWorkflow(container).run({
    input: { sales_channel_id: cart.sales_channel_id, cart_id: input.cart_id, lines },
  })
}

/** Complete the cart: everything in it, checked again before the order exists. */
export async function completeCartValidateHandler(
  { input, cart: given }: { input: { id: string }; cart?: any },
  { container }: HookContext
) {
  const cart = await readCartLines(container, input.id, given)
  await validateCartStockWorkflow(container).run({
    input: { sales_channel_id: cart.sales_channel_id, cart_id: input.id, lines: cart.lines },
  })
}
