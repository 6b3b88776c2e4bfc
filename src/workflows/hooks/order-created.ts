import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { orderCreatedHandler, orderCreatedCompensation } from "./handlers/orders"

if (shouldRegisterWorkflowHooks()) {
  // Declared by Medusa but left out of the workflow's typed hooks list.
  ;(completeCartWorkflow.hooks as any).orderCreated(orderCreatedHandler, orderCreatedCompensation)
}
