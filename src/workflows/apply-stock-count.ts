import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitStockEventsStep } from "./steps"
import { applyStockCountStep } from "./steps/apply-stock-count"

export type ApplyStockCountWorkflowInput = { id: string; actor_id?: string | null }

export const applyStockCountWorkflowId = "stockroom-apply-stock-count"

/** Books a count's differences (`adjusted`, reason code cycle_count) and emits the stock events. */
export const applyStockCountWorkflow = createWorkflow(
  applyStockCountWorkflowId,
  (input: ApplyStockCountWorkflowInput) => {
    const result = applyStockCountStep(input)
    emitStockEventsStep(transform({ result }, ({ result }) => [result]))
    return new WorkflowResponse(result)
  }
)
