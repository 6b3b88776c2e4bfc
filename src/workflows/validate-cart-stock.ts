import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { validateCartStockStep, ValidateCartStockStepInput } from "./steps/validate-cart-stock"

export const validateCartStockWorkflowId = "stockroom-validate-cart-stock"

/**
 * Add to cart, line update, checkout → refuses (400) lines the store's
 * stock policy does not let the cart take.
 */
export const validateCartStockWorkflow = createWorkflow(
  validateCartStockWorkflowId,
  (input: ValidateCartStockStepInput) => {
    validateCartStockStep(input)
    return new WorkflowResponse(void 0)
  }
)
