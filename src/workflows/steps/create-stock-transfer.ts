import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ResolvedStockTransferLine,
  STOCKROOM_MODULE,
  StockTransferDTO,
  StockTransferItemDTO,
  type IStockroomModuleService,
} from "../../modules/stockroom/types"

export type CreateStockTransferStepInput = {
  reference?: string | null
  source_location_id?: string | null
  destination_location_id: string
  created_by?: string | null
  in_transit?: boolean
  expected_at?: string | null
  lines: ResolvedStockTransferLine[]
}

export const createStockTransferStepId = "create-stock-transfer"

/**
 * Writes the transfer and its items. Compensation deletes both, so a
 * transfer whose stock could not move leaves no record behind.
 */
export const createStockTransferStep = createStep(
  createStockTransferStepId,
  async (input: CreateStockTransferStepInput, { container }) => {
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    const transfer = (await stockroom.createStockTransfers({
      reference: input.reference ?? null,
      source_location_id: input.source_location_id ?? null,
      destination_location_id: input.destination_location_id,
      created_by: input.created_by ?? null,
      state: input.in_transit ? "in_transit" : "received",
      expected_at: input.in_transit ? input.expected_at ?? null : null,
      received_at: input.in_transit ? null : new Date(),
    })) as unknown as StockTransferDTO
    const items = (await stockroom.createStockTransferItems(
      input.lines.map((line) => ({
        transfer_id: transfer.id,
        inventory_item_id: line.inventory_item_id,
        variant_id: line.variant_id,
        quantity: line.quantity,
        received_quantity: input.in_transit ? 0 : line.quantity,
      }))
    )) as unknown as StockTransferItemDTO[]
    return new StepResponse(
      { ...transfer, items },
      { transfer_id: transfer.id, item_ids: items.map((item) => item.id) }
    )
  },
  async (created, { container }) => {
    if (!created?.transfer_id) {
      return
    }
    const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
    if (created.item_ids.length) {
      await stockroom.deleteStockTransferItems(created.item_ids)
    }
    await stockroom.deleteStockTransfers([created.transfer_id])
  }
)
