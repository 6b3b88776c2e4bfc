/**
 * Stockroom's workflow-hook handlers, exported so that a store which sets
 * `register_workflow_hooks: false` (because it uses the same hooks) can call
 * them from its own handler. Each runs a Stockroom workflow, compensations
 * included, so the ledger's events go out on every path.
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
export * from "./carts"
export * from "./fulfillments"
export * from "./locations"
export * from "./orders"
