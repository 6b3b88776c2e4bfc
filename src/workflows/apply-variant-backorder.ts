import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyVariantBackorderStep } from "./steps"

export const applyVariantBackorderWorkflowId = "stockroom-apply-variant-backorder"

/** Medusa's per-variant `allow_backorder`, changed in Medusa, carried to the stock items. */
export const applyVariantBackorderWorkflow = createWorkflow(
  applyVariantBackorderWorkflowId,
  (input: { variant_ids: string[] }) => new WorkflowResponse(applyVariantBackorderStep(input))
)
