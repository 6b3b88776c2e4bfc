import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCKROOM_MODULE, type IStockroomModuleService } from "../../../../modules/stockroom/types"
import { hasEmailProvider } from "../../../../lib/notifications/back-in-stock"

/**
 * GET /admin/stockroom/notifications — whether back-in-stock emails can be
 * sent (a notification provider handles `email`) and how many subscribers
 * are waiting, for the notice on the Stockroom settings page.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const stockroom = req.scope.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [, waiting] = await stockroom.listAndCountStockSubscriptions({ status: ["active"] }, { skip: 0, take: 1 })
  res.json({
    email_provider: await hasEmailProvider(req.scope),
    waiting_subscribers: waiting,
    back_in_stock_template: stockroom.getOptions().back_in_stock_template,
  })
}
