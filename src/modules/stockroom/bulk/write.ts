import type { EntityManagerLike } from "../ledger/sql"
import type { LockedStockItem } from "../lib/ledger"
import { RAW_PRECISION } from "../lib/ledger"
import { MEDUSA } from "../medusa-tables"
import { STOCK_MOVEMENT_COLUMNS, StockMovementDTO } from "../types"

/**
 * Set-based writes of the ledger: each is one statement whatever the number
 * of rows, the rows travelling as a single JSON parameter expanded with
 * `jsonb_to_recordset` (no per-row round trip, no limit on bind parameters).
 */

const MOVEMENT_COLUMN_TYPES: Record<(typeof STOCK_MOVEMENT_COLUMNS)[number], string> = {
  id: "text",
  stock_item_id: "text",
  inventory_item_id: "text",
  location_id: "text",
  kind: "text",
  quantity: "integer",
  stocked_change: "integer",
  count_on_hand_after: "integer",
  stocked_after: "integer",
  sequence: "integer",
  originator_type: "text",
  originator_id: "text",
  actor_id: "text",
  reason: "text",
  note: "text",
  metadata: "jsonb",
  reason_code: "text",
}

const MOVEMENT_RECORD = STOCK_MOVEMENT_COLUMNS.map(
  (column) => `${column} ${MOVEMENT_COLUMN_TYPES[column]}`
).join(", ")

/** Inserts movements in one statement, in the given order; returns each one's created_at by id. */
export async function insertMovements(
  manager: EntityManagerLike,
  movements: Omit<StockMovementDTO, "created_at">[]
): Promise<Map<string, Date>> {
  if (!movements.length) {
    return new Map()
  }
  const rows = movements.map((movement) =>
    Object.fromEntries(STOCK_MOVEMENT_COLUMNS.map((column) => [column, movement[column] ?? null]))
  )
  const inserted = await manager.execute(
    `INSERT INTO stock_movement (${STOCK_MOVEMENT_COLUMNS.join(", ")})
     SELECT ${STOCK_MOVEMENT_COLUMNS.join(", ")}
       FROM jsonb_to_recordset(?::jsonb) AS m(${MOVEMENT_RECORD})
     RETURNING id, created_at`,
    [JSON.stringify(rows)]
  )
  return new Map(inserted.map((row) => [row.id, row.created_at]))
}

/** Stores the stock items' running balances (last sequence, ledger on hand and count on hand) in one UPDATE. */
export async function updateStockItemBalances(
  manager: EntityManagerLike,
  items: Pick<LockedStockItem, "id" | "last_sequence" | "ledger_on_hand" | "ledger_count_on_hand">[]
): Promise<void> {
  if (!items.length) {
    return
  }
  await manager.execute(
    `UPDATE stock_item AS s
        SET last_sequence = b.last_sequence,
            ledger_on_hand = b.ledger_on_hand,
            ledger_count_on_hand = b.ledger_count_on_hand,
            updated_at = now()
       FROM jsonb_to_recordset(?::jsonb)
            AS b(id text, last_sequence integer, ledger_on_hand integer, ledger_count_on_hand integer)
      WHERE s.id = b.id`,
    [
      JSON.stringify(
        items.map(({ id, last_sequence, ledger_on_hand, ledger_count_on_hand }) => ({
          id,
          last_sequence,
          ledger_on_hand,
          ledger_count_on_hand,
        }))
      ),
    ]
  )
}

/**
 * Moves each level's physical stock by its delta with an atomic increment,
 * keeping Medusa's raw JSON twin in step, in one UPDATE: the only write
 * Stockroom makes to Medusa's inventory.
 */
export async function addToStockedQuantities(
  manager: EntityManagerLike,
  deltas: Map<string, number>
): Promise<void> {
  const rows = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([id, delta]) => ({ id, delta }))
  if (!rows.length) {
    return
  }
  await manager.execute(
    `UPDATE ${MEDUSA.inventory_level} AS l
        SET stocked_quantity = l.stocked_quantity + d.delta,
            raw_stocked_quantity = jsonb_build_object('value', (l.stocked_quantity + d.delta)::text, 'precision', ${RAW_PRECISION}),
            updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS d(id text, delta integer)
      WHERE l.id = d.id`,
    [JSON.stringify(rows)]
  )
}
