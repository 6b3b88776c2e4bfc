import type {
  AuthenticatedMedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { ensureStockLocationSettingsWorkflow } from "../../../../../workflows/ensure-stock-location-settings"
import { updateStockLocationSettingWorkflow } from "../../../../../workflows/update-stock-location-setting"
import type { AdminUpdateStockLocationSettingType } from "../../validators"

/** GET /admin/stock-locations/:id/stockroom — the location's Stockroom settings. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse
) => {
  const [location] = await req.scope
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ id: req.params.id }, { select: ["id"], take: 1 })
  if (!location) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Stock location ${req.params.id} not found`
    )
  }
  // A location created while Stockroom was not listening has no row yet.
  const { result } = await ensureStockLocationSettingsWorkflow(req.scope).run({
    input: { stock_location_ids: [location.id] },
  })
  res.json({ stock_location_setting: result[0] })
}

/**
 * POST /admin/stock-locations/:id/stockroom — change backorderable_default,
 * propagate_all_variants, restock_inventory, allocation_priority.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateStockLocationSettingType>,
  res: MedusaResponse
) => {
  const { result } = await updateStockLocationSettingWorkflow(req.scope).run({
    input: { ...req.validatedBody, stock_location_id: req.params.id },
  })
  res.json({ stock_location_setting: result })
}
