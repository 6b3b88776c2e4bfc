import { generateEntityId } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"

/**
 * Creates the missing setting rows of the given stock locations with the
 * option defaults; returns the ids it created. ON CONFLICT against the
 * partial unique index keeps concurrent callers (the workflow hook and the
 * event subscriber) from racing each other.
 */
export async function insertMissingLocationSettings(
  { manager, options }: ActionContext,
  stockLocationIds: string[]
): Promise<string[]> {
  const values: string[] = []
  const params: unknown[] = []
  for (const stockLocationId of stockLocationIds) {
    values.push("(?, ?, ?, ?, ?)")
    params.push(
      generateEntityId(undefined, "srls"),
      stockLocationId,
      options.backorderable_default,
      options.propagate_all_variants,
      options.restock_inventory
    )
  }
  const created = await manager.execute(
    `INSERT INTO stock_location_setting
       (id, stock_location_id, backorderable_default, propagate_all_variants, restock_inventory)
     VALUES ${values.join(", ")}
     ON CONFLICT (stock_location_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    params
  )
  return created.map((row) => row.id as string)
}
