import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import { completeCartValidateHandler } from "./handlers/carts"

if (shouldRegisterWorkflowHooks()) {
  completeCartWorkflow.hooks.validate(completeCartValidateHandler)
}
