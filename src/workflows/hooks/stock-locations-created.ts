import { createStockLocationsWorkflow } from "@medusajs/medusa/core-flows"
import { shouldRegisterWorkflowHooks } from "../../lib/plugin-config"
import {
  stockLocationsCreatedCompensation,
  stockLocationsCreatedHandler,
} from "./handlers/locations"

if (shouldRegisterWorkflowHooks()) {
  createStockLocationsWorkflow.hooks.stockLocationsCreated(
    stockLocationsCreatedHandler,
    stockLocationsCreatedCompensation
  )
}
