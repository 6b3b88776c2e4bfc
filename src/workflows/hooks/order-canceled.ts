import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { orderCanceledHandler } from "./handlers/orders"

if (shouldRegisterWorkflowHooks()) {
  cancelOrderWorkflow.hooks.orderCanceled(orderCanceledHandler)
}
