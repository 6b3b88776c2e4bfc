import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../modules/stockroom/types"
import { postStockAlerts } from "../../lib/notifications/admin-alerts"

export type PostStockAlertsStepInput =
  | { kind: "low_stock" | "out_of_stock"; stock_item_ids: string[] }
  | { kind: "backorder_age" }

export const postStockAlertsStepId = "post-stock-alerts"

/**
 * Raises the alerts that crossed their line (once per crossing) and posts
 * them to the admin's notification feed. Nothing when `admin_alerts` is off.
 */
export const postStockAlertsStep = createStep(
  postStockAlertsStepId,
  async (input: PostStockAlertsStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    if (!stockroom.getOptions().admin_alerts) {
      return new StepResponse({ posted: 0 })
    }
    const raised =
      input.kind === "backorder_age"
        ? await stockroom.raiseBackorderAgeAlerts()
        : await stockroom.raiseStockAlerts(input.kind, input.stock_item_ids)
    return new StepResponse({ posted: await postStockAlerts(container, raised) })
  }
)
