import type { IStockroomModuleService } from "../../../modules/stockroom/types"

/**
 * Each stock item row with `held`: the units live checkout holds keep of it
 * (carts whose customers are paying). Holds never change the counts, so
 * this stands beside them; expired holds count for nothing.
 */
export async function withHeld<T extends { inventory_item_id: string; location_id: string }>(
  stockroom: IStockroomModuleService,
  rows: T[]
): Promise<(T & { held: number })[]> {
  const held = new Map(
    (await stockroom.listHeldQuantities([...new Set(rows.map((row) => row.inventory_item_id))])).map((row) => [
      `${row.inventory_item_id}|${row.location_id}`,
      row.held,
    ])
  )
  return rows.map((row) => ({ ...row, held: held.get(`${row.inventory_item_id}|${row.location_id}`) ?? 0 }))
}
