import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../modules/stockroom/types"
import { markUnitsShippedWorkflow } from "../../mark-units-shipped"
import { shipFulfillmentUnitsWorkflow } from "../../ship-fulfillment-units"
import { unshipFulfillmentUnitsWorkflow } from "../../unship-fulfillment-units"

type HookContext = { container: MedusaContainer }

/** The order whose units the fulfillment holds, if it holds any. */
async function findFulfillmentOrderId(
  container: MedusaContainer,
  fulfillmentId: string
): Promise<string | undefined> {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [unit] = await stockroom.listInventoryUnits(
    { fulfillment_id: fulfillmentId },
    { take: 1, select: ["order_id"] }
  )
  return unit?.order_id
}

/**
 * Fulfillment created: ships its units. Throws when it would ship
 * backordered units and allow_backorder_shipping is off, so Medusa undoes
 * the fulfillment.
 */
export async function fulfillmentCreatedHandler(
  { fulfillment }: { fulfillment: { id: string } },
  { container }: HookContext
) {
  const { result } = await shipFulfillmentUnitsWorkflow(container).run({
    input: { fulfillment_id: fulfillment.id },
  })
  return new StepResponse(fulfillment.id, result ? fulfillment.id : undefined)
}

/**
 * Fulfillment rolled back: its shipped units come back through the same
 * workflow as a canceled fulfillment, so the `unshipped` movements and
 * their events are emitted as on that path.
 */
export async function fulfillmentCreatedCompensation(
  fulfillmentId: string | undefined,
  { container }: HookContext
) {
  if (!fulfillmentId) {
    return
  }
  const orderId = await findFulfillmentOrderId(container, fulfillmentId)
  if (orderId) {
    await unshipFulfillmentUnitsWorkflow(container).run({
      input: { order_id: orderId, fulfillment_id: fulfillmentId },
    })
  }
}

/** Fulfillment canceled: units back, `unshipped`, backorders fill. */
export async function orderFulfillmentCanceledHandler(
  { fulfillment }: { fulfillment: { id: string } },
  { container }: HookContext
) {
  const orderId = await findFulfillmentOrderId(container, fulfillment.id)
  if (!orderId) {
    return new StepResponse(undefined)
  }
  await unshipFulfillmentUnitsWorkflow(container).run({
    input: { order_id: orderId, fulfillment_id: fulfillment.id },
  })
  return new StepResponse(fulfillment.id)
}

/** Shipment created: the fulfillment's units carry the shipping time. */
export async function shipmentCreatedHandler(
  { shipment }: { shipment: { id: string } },
  { container }: HookContext
) {
  const { result: marked } = await markUnitsShippedWorkflow(container).run({
    input: { fulfillment_ids: [shipment.id] },
  })
  return new StepResponse(marked)
}
