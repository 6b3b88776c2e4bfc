import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { fulfillmentCreatedHandler, fulfillmentCreatedCompensation } from "./handlers/fulfillments"

if (shouldRegisterWorkflowHooks()) {
  createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(fulfillmentCreatedHandler, fulfillmentCreatedCompensation)
}
