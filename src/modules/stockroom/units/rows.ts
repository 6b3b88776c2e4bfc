import { generateEntityId } from "@medusajs/framework/utils"
import type { EntityManagerLike } from "../ledger/sql"
import { placeholders } from "../ledger/sql"
import type { InventoryUnitState } from "../types"

/** Columns of a new unit row. */
export const UNIT_INSERT_COLUMNS = [
  "id",
  "order_id",
  "line_item_id",
  "variant_id",
  "inventory_item_id",
  "location_id",
  "state",
  "quantity",
  "ordered_at",
] as const

/** Columns a split copies from the original row unless the patch sets them. */
const UNIT_COPIED = [
  "order_id",
  "line_item_id",
  "variant_id",
  "inventory_item_id",
  "location_id",
  "state",
  "fulfillment_id",
  "shipped_at",
  "return_id",
  "return_authorization_id",
  "ordered_at",
] as const

const UNIT_PATCHABLE = [
  "location_id",
  "fulfillment_id",
  "shipped_at",
  "return_id",
  "return_authorization_id",
] as const

/** What a unit row becomes: its new state and what else changes with it. */
export type UnitPatch = { state: InventoryUnitState } & Partial<
  Record<(typeof UNIT_PATCHABLE)[number], unknown>
>

export type NewUnitRow = { [column in (typeof UNIT_INSERT_COLUMNS)[number]]: unknown }

export async function insertUnits(manager: EntityManagerLike, units: NewUnitRow[]): Promise<void> {
  if (!units.length) {
    return
  }
  await manager.execute(
    `INSERT INTO inventory_unit (${UNIT_INSERT_COLUMNS.join(", ")}, created_at, updated_at)
     VALUES ${placeholders(units.length, `(${placeholders(UNIT_INSERT_COLUMNS.length)}, now(), now())`)}`,
    units.flatMap((row) => UNIT_INSERT_COLUMNS.map((column) => row[column]))
  )
}

/**
 * Moves `quantity` of a unit row into a new row with `patch` applied; the
 * original keeps the rest. Returns the new row's id.
 */
export async function splitUnit(
  manager: EntityManagerLike,
  unitId: string,
  quantity: number,
  patch: UnitPatch
): Promise<string> {
  const id = generateEntityId(undefined, "iunit")
  const columns = UNIT_COPIED.filter((column) => !(column in patch))
  const patchColumns = Object.keys(patch)
  await manager.execute(
    `INSERT INTO inventory_unit (id, quantity, ${[...columns, ...patchColumns].join(", ")}, created_at, updated_at)
     SELECT ?, ?, ${[...columns, ...patchColumns.map(() => "?")].join(", ")}, now(), now()
       FROM inventory_unit WHERE id = ?`,
    [id, quantity, ...patchColumns.map((column) => (patch as any)[column]), unitId]
  )
  await manager.execute(
    `UPDATE inventory_unit SET quantity = quantity - ?, updated_at = now() WHERE id = ?`,
    [quantity, unitId]
  )
  return id
}

/** Moves `quantity` of a unit into the patched state, splitting when it is only part. */
export async function moveUnit(
  manager: EntityManagerLike,
  unit: { id: string; quantity: number },
  quantity: number,
  patch: UnitPatch
): Promise<string> {
  if (quantity < unit.quantity) {
    return await splitUnit(manager, unit.id, quantity, patch)
  }
  const columns = Object.keys(patch)
  await manager.execute(
    `UPDATE inventory_unit SET ${columns.map((column) => `${column} = ?`).join(", ")}, updated_at = now()
      WHERE id = ?`,
    [...columns.map((column) => (patch as any)[column]), unit.id]
  )
  return unit.id
}

/**
 * Moves `quantity` out of the given unit rows, in their order, into the
 * patched state (splitting the last row when only part of it moves).
 * Returns, per row it took from, the row, what it took and the id of the
 * row now holding what moved.
 */
export async function moveUnitsInOrder<T extends { id: string; quantity: number | string }>(
  manager: EntityManagerLike,
  units: T[],
  quantity: number,
  patch: UnitPatch
): Promise<{ unit: T; taken: number; moved_id: string }[]> {
  const moved: { unit: T; taken: number; moved_id: string }[] = []
  let remaining = quantity
  for (const unit of units) {
    if (remaining <= 0) {
      break
    }
    const taken = Math.min(Number(unit.quantity), remaining)
    remaining -= taken
    const movedId = await moveUnit(manager, { id: unit.id, quantity: Number(unit.quantity) }, taken, patch)
    moved.push({ unit, taken, moved_id: movedId })
  }
  return moved
}

/** Whether any unit already carries this order, fulfillment or return. */
export async function hasUnits(
  manager: EntityManagerLike,
  column: "order_id" | "fulfillment_id" | "return_id",
  value: string
): Promise<boolean> {
  const [row] = await manager.execute(
    `SELECT 1 AS found FROM inventory_unit WHERE ${column} = ? AND deleted_at IS NULL LIMIT 1`,
    [value]
  )
  return !!row
}
