import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncVariantTrackingStep } from "./steps"

export const syncVariantTrackingWorkflowId = "stockroom-sync-variant-tracking"

/**
 * `track_inventory_levels` off makes Medusa's own cart, checkout and
 * fulfillment treat every variant as untracked (so nothing is checked,
 * reserved or decremented); on restores the variants it changed.
 */
export const syncVariantTrackingWorkflow = createWorkflow(
  syncVariantTrackingWorkflowId,
  () => new WorkflowResponse(syncVariantTrackingStep())
)
