import { generateEntityId } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"

/**
 * Whether Medusa's variants disagree with `track_inventory_levels`: with
 * tracking off, a variant still managing inventory; with it on, a variant
 * Stockroom switched off and has not restored yet. One cheap query.
 */
export async function isVariantTrackingOutOfStep({ manager, options }: ActionContext): Promise<boolean> {
  const [row] = options.track_inventory_levels
    ? await manager.execute(`SELECT 1 FROM variant_tracking_suspension LIMIT 1`)
    : await manager.execute(
        `SELECT 1 FROM ${MEDUSA.product_variant} WHERE manage_inventory AND deleted_at IS NULL LIMIT 1`
      )
  return !!row
}

/**
 * Up to `limit` variants to switch: with tracking off, variants managing
 * inventory (recorded as suspended first, so a crash between the record
 * and Medusa's update loses nothing); with it on, the recorded ones.
 */
export async function takeVariantTrackingBatch(
  { manager, options }: ActionContext,
  limit: number
): Promise<{ variant_ids: string[]; manage_inventory: boolean }> {
  if (options.track_inventory_levels) {
    const rows = await manager.execute(
      `SELECT variant_id FROM variant_tracking_suspension ORDER BY variant_id LIMIT ?`,
      [limit]
    )
    return { variant_ids: rows.map((row) => row.variant_id), manage_inventory: true }
  }
  const rows = await manager.execute(
    `SELECT id FROM ${MEDUSA.product_variant} WHERE manage_inventory AND deleted_at IS NULL
      ORDER BY id LIMIT ?`,
    [limit]
  )
  const variantIds: string[] = rows.map((row) => row.id)
  if (variantIds.length) {
    await manager.execute(
      `INSERT INTO variant_tracking_suspension (id, variant_id, created_at, updated_at)
       VALUES ${placeholders(variantIds.length, "(?, ?, now(), now())")}
       ON CONFLICT (variant_id) WHERE deleted_at IS NULL DO NOTHING`,
      variantIds.flatMap((id) => [generateEntityId(undefined, "srvts"), id])
    )
  }
  return { variant_ids: variantIds, manage_inventory: false }
}

/** Forgets suspensions once Medusa's variants manage inventory again. */
export async function clearVariantTrackingSuspensions(
  { manager }: ActionContext,
  variantIds: string[]
): Promise<void> {
  await manager.execute(
    `DELETE FROM variant_tracking_suspension WHERE variant_id IN (${placeholders(variantIds.length)})`,
    variantIds
  )
}

/**
 * Variants of the given inventory items whose Medusa `allow_backorder`
 * disagrees with their stock items: on when every inventory item of the
 * variant has a backorderable stock item somewhere, off otherwise.
 */
export async function listVariantBackorderDrift(
  { manager }: ActionContext,
  inventoryItemIds: string[]
): Promise<{ variant_id: string; allow_backorder: boolean; backorderable: boolean }[]> {
  const rows = await manager.execute(
    `SELECT v.id AS variant_id, v.allow_backorder,
            BOOL_AND(EXISTS (SELECT 1 FROM stock_item si
                              WHERE si.inventory_item_id = pvii.inventory_item_id
                                AND si.backorderable AND si.deleted_at IS NULL)) AS backorderable
       FROM ${MEDUSA.product_variant} v
       JOIN ${MEDUSA.product_variant_inventory_item} pvii
         ON pvii.variant_id = v.id AND pvii.deleted_at IS NULL
      WHERE v.deleted_at IS NULL AND v.manage_inventory
        AND v.id IN (SELECT variant_id FROM ${MEDUSA.product_variant_inventory_item}
                      WHERE deleted_at IS NULL
                        AND inventory_item_id IN (${placeholders(inventoryItemIds.length)}))
      GROUP BY v.id, v.allow_backorder`,
    inventoryItemIds
  )
  return rows
    .filter((row) => !!row.allow_backorder !== !!row.backorderable)
    .map((row) => ({
      variant_id: row.variant_id,
      allow_backorder: !!row.allow_backorder,
      backorderable: !!row.backorderable,
    }))
}
