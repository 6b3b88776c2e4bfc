import type { MedusaContainer } from "@medusajs/framework/types"
import { STOCKROOM_MODULE, type BackorderEta, type IStockroomModuleService } from "../modules/stockroom/types"

/**
 * Units with where each backordered one stands: `expected_at` (the date of
 * the incoming batch that covers its last unit) and `queue_position`, both
 * null for units that are not backordered. One query for the whole page.
 */
export async function withBackorderEtas<T extends { id: string }>(
  container: MedusaContainer,
  units: T[]
): Promise<(T & { expected_at: string | null; queue_position: number | null })[]> {
  const stockroom = container.resolve<IStockroomModuleService>(STOCKROOM_MODULE)
  return addBackorderEtas(units, await stockroom.listBackorderEtas(units.map((unit) => unit.id)))
}

/** The units with the ETAs read for them (by unit id), as withBackorderEtas gives them. */
export function addBackorderEtas<T extends { id: string }>(
  units: T[],
  etas: Map<string, BackorderEta>
): (T & { expected_at: string | null; queue_position: number | null })[] {
  return units.map((unit) => {
    const eta = etas.get(unit.id)
    return { ...unit, expected_at: eta?.expected_at ?? null, queue_position: eta?.queue_position ?? null }
  })
}
