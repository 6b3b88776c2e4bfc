import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { quantityOf } from "../../lib/medusa-values"
import type { ResolvedBatchRef } from "./resolve-batch-stock-refs"

export type BatchLevelReading = ResolvedBatchRef & {
  /** Medusa's stocked quantity; 0 where the item has no level at the location yet */
  on_hand: number
  reserved: number
}

export const readBatchLevelsStepId = "read-batch-levels"

/** Reads the current level of every resolved row, in one query; writes nothing. */
export const readBatchLevelsStep = createStep(
  readBatchLevelsStepId,
  async (refs: ResolvedBatchRef[], { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const levels = refs.length
      ? await inventory.listInventoryLevels(
          {
            inventory_item_id: [...new Set(refs.map((ref) => ref.inventory_item_id))],
            location_id: [...new Set(refs.map((ref) => ref.location_id))],
          },
          {
            select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"],
            take: null,
          }
        )
      : []
    const byPair = new Map(
      levels.map((level) => [`${level.inventory_item_id}|${level.location_id}`, level])
    )
    return new StepResponse(
      refs.map((ref): BatchLevelReading => {
        const level = byPair.get(`${ref.inventory_item_id}|${ref.location_id}`)
        return {
          ...ref,
          on_hand: level ? quantityOf(level.stocked_quantity) : 0,
          reserved: level ? quantityOf(level.reserved_quantity) : 0,
        }
      })
    )
  }
)
