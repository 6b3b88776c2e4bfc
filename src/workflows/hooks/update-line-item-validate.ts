import { updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { updateLineItemValidateHandler } from "./handlers/carts"

if (shouldRegisterWorkflowHooks()) {
  updateLineItemInCartWorkflow.hooks.validate(updateLineItemValidateHandler)
}
