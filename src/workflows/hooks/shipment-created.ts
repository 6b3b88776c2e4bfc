import { createOrderShipmentWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { shipmentCreatedHandler } from "./handlers/fulfillments"

if (shouldRegisterWorkflowHooks()) {
  createOrderShipmentWorkflow.hooks.shipmentCreated(shipmentCreatedHandler)
}
