import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ShipFulfillmentUnitsInput,
  STOCKROOM_MODULE,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export const shipFulfillmentUnitsStepId = "ship-fulfillment-units"

/**
 * Ships the fulfillment's units and ledgers the stock Medusa took as
 * `shipped`. Refuses backordered units unless allow_backorder_shipping is
 * on. Compensation puts the units back (`unshipped` follows Medusa's own
 * compensation of the level).
 */
export const shipFulfillmentUnitsStep = createStep(
  shipFulfillmentUnitsStepId,
  async (input: ShipFulfillmentUnitsInput, { container }) => {
    if (!input.items.length) {
      return new StepResponse(undefined)
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const result = await stockroom.shipFulfillmentUnits(input)
    return new StepResponse(result, {
      order_id: input.order_id,
      fulfillment_id: input.fulfillment_id,
    })
  },
  async (shipped, { container }) => {
    if (!shipped) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    await stockroom.unshipFulfillmentUnits(shipped)
  }
)
