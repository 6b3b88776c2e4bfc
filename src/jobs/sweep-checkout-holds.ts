import { MedusaContainer } from "@medusajs/framework/types"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../modules/stockroom/types"

/**
 * Expired checkout holds already count for nothing (every read filters on
 * expires_at); the sweep only removes their rows.
 */
export default async function sweepCheckoutHoldsJob(container: MedusaContainer) {
  await container.resolve<IStockroomModuleService>(STOCKROOM_MODULE).sweepExpiredHolds()
}

export const config = {
  name: "stockroom-sweep-checkout-holds",
  schedule: "* * * * *",
}
