import { updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { updateLineItemValidateHandler } from "./handlers"

if (shouldRegisterWorkflowHooks()) {
  updateLineItemInCartWorkflow.hooks.validate(updateLineItemValidateHandler)
}
