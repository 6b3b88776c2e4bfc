import { cancelOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { orderFulfillmentCanceledHandler } from "./handlers/fulfillments"

if (shouldRegisterWorkflowHooks()) {
  cancelOrderFulfillmentWorkflow.hooks.orderFulfillmentCanceled(orderFulfillmentCanceledHandler)
}
