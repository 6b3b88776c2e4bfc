import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type CheckoutHoldRow, type IStockroomModuleService } from "../../../modules/stockroom/types"
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
  return new StepResponse(result.created, {
    order_id: result.created ? order_id : undefined,
    released_hold: result.released_hold,
  })
}

/**
 * Checkout rolled back: the units the handler placed are removed and the
 * cart's checkout hold it consumed is put back.
 */
export async function orderCreatedCompensation(
  placed: { order_id?: string; released_hold?: CheckoutHoldRow[] } | undefined,
  { container }: HookContext
) {
  if (placed?.order_id) {
    await removeOrderUnitsWorkflow(container).run({ input: { order_id: placed.order_id } })
  }
  if (placed?.released_hold?.length) {
    await container.resolve<IStockroomModuleService>(STOCKROOM_MODULE).restoreCartHold(placed.released_hold)
  }
}

/** Order canceled: unshipped units canceled, `released`, backorders fill. */
export async function orderCanceledHandler(
  { order }: { order: { id: string } },
  { container }: HookContext
) {
  await cancelOrderUnitsWorkflow(container).run({ input: { order_id: order.id } })
  return new StepResponse(order.id)
}
