import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validateStockLocationsExistStepId = "validate-stock-locations-exist"

/** Refuses (404) when any of the given stock locations does not exist. */
export const validateStockLocationsExistStep = createStep(
  validateStockLocationsExistStepId,
  async (stockLocationIds: string[], { container }) => {
    const ids = [...new Set(stockLocationIds)]
    const found = await container
      .resolve(Modules.STOCK_LOCATION)
      .listStockLocations({ id: ids }, { select: ["id"], take: null })
    const foundIds = new Set(found.map((location) => location.id))
    const missing = ids.filter((id) => !foundIds.has(id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Stock location ${missing.join(", ")} not found`
      )
    }
    return new StepResponse(void 0)
  }
)
