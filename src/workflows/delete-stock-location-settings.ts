import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  deleteStockLocationSettingsStep,
  DeleteStockLocationSettingsStepInput,
} from "./steps/delete-stock-location-settings"

export const deleteStockLocationSettingsWorkflowId =
  "stockroom-delete-stock-location-settings"

/** Stock-location creation rolled back → the setting rows it made go. */
export const deleteStockLocationSettingsWorkflow = createWorkflow(
  deleteStockLocationSettingsWorkflowId,
  (input: DeleteStockLocationSettingsStepInput) => {
    deleteStockLocationSettingsStep(input)
    return new WorkflowResponse(void 0)
  }
)
