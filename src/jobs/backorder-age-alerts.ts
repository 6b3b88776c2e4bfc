import { MedusaContainer } from "@medusajs/framework/types"
import { postStockAlertsWorkflow } from "../workflows/post-stock-alerts"

/**
 * Posts to the admin's feed each stock item with a backorder waiting longer
 * than `backorder_alert_days`, once until its old backorders are filled.
 */
export default async function backorderAgeAlertsJob(container: MedusaContainer) {
  await postStockAlertsWorkflow(container).run({ input: { kind: "backorder_age" } })
}

export const config = {
  name: "stockroom-backorder-age-alerts",
  schedule: "17 * * * *",
}
