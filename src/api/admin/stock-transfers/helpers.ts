import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import {
  STOCKROOM_MODULE,
  StockMovementDTO,
  StockTransferDTO,
  StockTransferWithMovementsDTO,
  type IStockroomModuleService,
} from "../../../modules/stockroom/types"
import type { AdminGetStockTransfersParamsType } from "./validators"
import type { ListOrder } from "../../list-query"
import { asArray } from "../../query-values"

/** Transfers with their items, in the list's order (ties by id). */
export async function listStockTransfers(
  container: MedusaContainer,
  params: AdminGetStockTransfersParamsType,
  page: { skip: number; take: number; order: ListOrder }
) {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const filters: Record<string, string[]> = {}
  const source = asArray(params.source_location_id)
  const destination = asArray(params.destination_location_id)
  if (source) {
    filters.source_location_id = source
  }
  if (destination) {
    filters.destination_location_id = destination
  }
  const states = asArray(params.state)
  if (states) {
    filters.state = states
  }
  const { field, direction } = page.order
  const [transfers, count] = await stockroom.listAndCountStockTransfers(filters, {
    relations: ["items"],
    skip: page.skip,
    take: page.take,
    order: { [field]: direction, id: direction },
  })
  return { transfers: transfers as unknown as StockTransferDTO[], count }
}

/** One transfer with its items and the movements it wrote. */
export async function retrieveStockTransfer(
  container: MedusaContainer,
  id: string
): Promise<StockTransferWithMovementsDTO> {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  const [transfer] = await stockroom.listStockTransfers(
    { id },
    { relations: ["items"], take: 1 }
  )
  if (!transfer) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Stock transfer ${id} not found`
    )
  }
  const movements = (await stockroom.listStockMovements(
    { originator_type: "stock_transfer", originator_id: id },
    { take: null, order: { inventory_item_id: "ASC", kind: "DESC", id: "ASC" } }
  )) as StockMovementDTO[]
  return {
    ...(transfer as unknown as StockTransferDTO),
    items: (transfer as any).items ?? [],
    movements,
  }
}
