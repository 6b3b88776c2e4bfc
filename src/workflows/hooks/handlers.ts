import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE } from "../../modules/stockroom/types"
import type StockroomModuleService from "../../modules/stockroom/service"
import { cancelOrderUnitsWorkflow } from "../cancel-order-units"
import { placeOrderUnitsWorkflow } from "../place-order-units"
import { shipFulfillmentUnitsWorkflow } from "../ship-fulfillment-units"
import { unshipFulfillmentUnitsWorkflow } from "../unship-fulfillment-units"

/**
 * Stockroom's workflow-hook handlers, exported so that a store which sets
 * `register_workflow_hooks: false` (because it uses the same hooks) can call
 * them from its own handler:
 *
 * | Medusa hook                                              | handler (, compensation)                                  |
 * | `createStockLocationsWorkflow.hooks.stockLocationsCreated` | stockLocationsCreatedHandler, stockLocationsCreatedCompensation |
 * | `completeCartWorkflow.hooks.orderCreated`                | orderCreatedHandler, orderCreatedCompensation               |
 * | `createOrderFulfillmentWorkflow.hooks.fulfillmentCreated` | fulfillmentCreatedHandler, fulfillmentCreatedCompensation   |
 * | `cancelOrderFulfillmentWorkflow.hooks.orderFulfillmentCanceled` | orderFulfillmentCanceledHandler                     |
 * | `cancelOrderWorkflow.hooks.orderCanceled`                | orderCanceledHandler                                        |
 * | `createOrderShipmentWorkflow.hooks.shipmentCreated`      | shipmentCreatedHandler                                      |
 *
 *   import { stockLocationsCreatedHandler, stockLocationsCreatedCompensation }
 *     from "medusa-plugin-stockroom/workflows"
 *   createStockLocationsWorkflow.hooks.stockLocationsCreated(
 *     async (input, ctx) => {
 *       // … the store's own work …
 *       return stockLocationsCreatedHandler(input, ctx)
 *     },
 *     stockLocationsCreatedCompensation
 *   )
 */

type HookContext = { container: MedusaContainer }

export async function stockLocationsCreatedHandler(
  { stockLocations }: { stockLocations: { id: string }[] },
  { container }: HookContext
) {
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const { created_ids } = await stockroom.ensureStockLocationSettings(
    stockLocations.map((location) => location.id)
  )
  return new StepResponse(created_ids, created_ids)
}

export async function stockLocationsCreatedCompensation(
  createdSettingIds: string[] | undefined,
  { container }: HookContext
) {
  if (!createdSettingIds?.length) {
    return
  }
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  await stockroom.deleteStockLocationSettings(createdSettingIds)
}

/** Checkout: the order's inventory units and its `allocated` movements. */
export async function orderCreatedHandler(
  { order_id }: { order_id: string; cart_id?: string },
  { container }: HookContext
) {
  const { result } = await placeOrderUnitsWorkflow(container).run({
    input: { order_id, within_checkout: true },
  })
  return new StepResponse(result.created, result.created ? order_id : undefined)
}

export async function orderCreatedCompensation(
  orderId: string | undefined,
  { container }: HookContext
) {
  if (!orderId) {
    return
  }
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  await stockroom.deleteInventoryUnits({ order_id: orderId })
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

export async function fulfillmentCreatedCompensation(
  fulfillmentId: string | undefined,
  { container }: HookContext
) {
  if (!fulfillmentId) {
    return
  }
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const [unit] = await stockroom.listInventoryUnits(
    { fulfillment_id: fulfillmentId },
    { take: 1, select: ["order_id"] }
  )
  if (unit) {
    await stockroom.unshipFulfillmentUnits({
      order_id: unit.order_id,
      fulfillment_id: fulfillmentId,
    })
  }
}

/** Fulfillment canceled: units back, `unshipped`, backorders fill. */
export async function orderFulfillmentCanceledHandler(
  { fulfillment }: { fulfillment: { id: string } },
  { container }: HookContext
) {
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  const [unit] = await stockroom.listInventoryUnits(
    { fulfillment_id: fulfillment.id },
    { take: 1, select: ["order_id"] }
  )
  if (!unit) {
    return new StepResponse(undefined)
  }
  await unshipFulfillmentUnitsWorkflow(container).run({
    input: { order_id: unit.order_id, fulfillment_id: fulfillment.id },
  })
  return new StepResponse(fulfillment.id)
}

/** Order canceled: unshipped units canceled, `released`, backorders fill. */
export async function orderCanceledHandler(
  { order }: { order: { id: string } },
  { container }: HookContext
) {
  await cancelOrderUnitsWorkflow(container).run({ input: { order_id: order.id } })
  return new StepResponse(order.id)
}

/** Shipment created: the fulfillment's units carry the shipping time. */
export async function shipmentCreatedHandler(
  { shipment }: { shipment: { id: string } },
  { container }: HookContext
) {
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  return new StepResponse(await stockroom.markUnitsShipped([shipment.id]))
}
