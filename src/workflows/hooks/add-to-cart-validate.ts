import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { addToCartValidateHandler } from "./handlers/carts"

if (shouldRegisterWorkflowHooks()) {
  addToCartWorkflow.hooks.validate(addToCartValidateHandler)
}
