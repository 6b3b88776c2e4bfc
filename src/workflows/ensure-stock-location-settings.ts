import {
  createWorkflow,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  ensureStockLocationSettingsStep,
  EnsureStockLocationSettingsStepInput,
} from "./steps/ensure-stock-location-settings"

export const ensureStockLocationSettingsWorkflowId =
  "stockroom-ensure-stock-location-settings"

/**
 * Gives stock locations their Stockroom settings (idempotent).
 */
export const ensureStockLocationSettingsWorkflow = createWorkflow(
  ensureStockLocationSettingsWorkflowId,
  (input: EnsureStockLocationSettingsStepInput) => {
    const settings = ensureStockLocationSettingsStep(input)
    return new WorkflowResponse(settings)
  }
)
