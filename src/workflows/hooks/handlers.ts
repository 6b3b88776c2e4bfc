import { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE } from "../../modules/stockroom/types"
import type StockroomModuleService from "../../modules/stockroom/service"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { quantityOf } from "../../lib/medusa-values"
import { describeCheckoutShortfalls } from "../../modules/stockroom/lib/shortfall"
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
 * | `addToCartWorkflow.hooks.validate`                       | addToCartValidateHandler                                    |
 * | `updateLineItemInCartWorkflow.hooks.validate`            | updateLineItemValidateHandler                               |
 * | `completeCartWorkflow.hooks.validate`                    | completeCartValidateHandler                                 |
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

type CartLine = { line_item_id?: string; variant_id: string; quantity: number }

/**
 * The cart's sales channel and its lines that are for a variant: from the
 * cart the hook was given when it carries its items, else read.
 */
async function readCartLines(
  container: MedusaContainer,
  cartId: string,
  given?: { sales_channel_id?: string | null; items?: unknown[] }
): Promise<{ sales_channel_id: string | null; lines: CartLine[] }> {
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

/**
 * Refuses (HTTP 400) what the store's policy does not let a cart take:
 * more than the channel's stock of a variant, unless backorders are allowed
 * and the variant is backorderable there. Lines of one variant are summed.
 */
async function assertCartStock(
  container: MedusaContainer,
  salesChannelId: string | null,
  lines: CartLine[]
) {
  const stockroom = container.resolve<StockroomModuleService>(STOCKROOM_MODULE)
  if (!salesChannelId || !lines.length || !stockroom.getOptions().track_inventory_levels) {
    return
  }
  const { refused } = await stockroom.checkCartStock(salesChannelId, lines)
  if (refused.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCheckoutShortfalls(refused))
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
  await assertCartStock(container, cart.sales_channel_id, [...cart.lines, ...added])
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
  await assertCartStock(container, cart.sales_channel_id, lines)
}

/** Complete the cart: everything in it, checked again before the order exists. */
export async function completeCartValidateHandler(
  { input, cart: given }: { input: { id: string }; cart?: any },
  { container }: HookContext
) {
  const cart = await readCartLines(container, input.id, given)
  await assertCartStock(container, cart.sales_channel_id, cart.lines)
}
