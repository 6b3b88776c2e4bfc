import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderUnitsWorkflow } from "../../cancel-order-units"
import { placeOrderUnitsWorkflow } from "../../place-order-units"
import { removeOrderUnitsWorkflow } from "../../remove-order-units"

type HookContext = { container: MedusaContainer }

/** Checkout: the order's inventory units and its `allocated` movements. */
export async function orderCreatedHandler(
  { order_id, cart_id }: { order_id: string; cart_id?: string },
  { container }: HookContext
) {
  const { result } = await placeOrderUnitsWorkflow(container).run({
    input: { order_id, cart_id: cart_id ?? null, within_checkout: true },
  })
  return new StepResponse(result.created, result.created ? order_id : undefined)
}

/** Checkout rolled back: the units the handler placed are removed. */
export async function orderCreatedCompensation(
  orderId: string | undefined,
  { container }: HookContext
) {
  if (!orderId) {
    return
  }
  await removeOrderUnitsWorkflow(container).run({ input: { order_id: orderId } })
}

/** Order canceled: unshipped units canceled, `released`, backorders fill. */
export async function orderCanceledHandler(
  { order }: { order: { id: string } },
  { container }: HookContext
) {
  await cancelOrderUnitsWorkflow(container).run({ input: { order_id: order.id } })
  return new StepResponse(order.id)
}
