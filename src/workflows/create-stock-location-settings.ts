import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createStockLocationSettingsStep,
  CreateStockLocationSettingsStepInput,
} from "./steps/create-stock-location-settings"

export const createStockLocationSettingsWorkflowId =
  "stockroom-create-stock-location-settings"

/**
 * Stock locations created → their missing Stockroom settings, returning the
 * ids of the rows created (see ensureStockLocationSettingsWorkflow for the
 * settings themselves).
 */
export const createStockLocationSettingsWorkflow = createWorkflow(
  createStockLocationSettingsWorkflowId,
  (input: CreateStockLocationSettingsStepInput) => {
    const createdIds = createStockLocationSettingsStep(input)
    return new WorkflowResponse(createdIds)
  }
)
