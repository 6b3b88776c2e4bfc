/**
 * Reads and writes on the module test's database. Writes here stand for what
 * Medusa does on its own (an inventory item, a level, a reservation, an
 * admin's absolute edit in Medusa's forms); reads return the raw rows
 * Stockroom wrote, so tests assert the ledger and the units, not only totals.
 */
export type Executor = { execute: (sql: string, params?: unknown[]) => Promise<any[]> }

const raw = (value: number) => JSON.stringify({ value: String(value), precision: 20 })

export function stockDb(db: () => Executor) {
  const run = (sql: string, params: unknown[] = []) => db().execute(sql, params)

  /** Medusa's inventory level, and its inventory item, as Medusa's own modules store them. */
  const createLevel = async (
    inventoryItemId: string,
    locationId: string,
    { stocked = 0, reserved = 0 }: { stocked?: number; reserved?: number } = {}
  ) => {
    await run(
      `INSERT INTO inventory_item (id, sku, title) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [inventoryItemId, `SKU-${inventoryItemId}`, `Item ${inventoryItemId}`]
    )
    await run(
      `INSERT INTO inventory_level
         (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity, incoming_quantity,
          raw_stocked_quantity, raw_reserved_quantity, raw_incoming_quantity)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      [
        `ilev_${inventoryItemId}_${locationId}`,
        inventoryItemId,
        locationId,
        stocked,
        reserved,
        raw(stocked),
        raw(reserved),
        raw(0),
      ]
    )
  }

  /** A change made outside Stockroom: Medusa moves its level by these amounts. */
  const changeLevel = async (
    inventoryItemId: string,
    locationId: string,
    { stocked = 0, reserved = 0 }: { stocked?: number; reserved?: number }
  ) => {
    await run(
      `UPDATE inventory_level
          SET stocked_quantity = stocked_quantity + ?, reserved_quantity = reserved_quantity + ?,
              raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + ?)::text, 'precision', 20),
              raw_reserved_quantity = jsonb_build_object('value', (reserved_quantity + ?)::text, 'precision', 20),
              updated_at = now()
        WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL`,
      [stocked, reserved, stocked, reserved, inventoryItemId, locationId]
    )
  }

  /** Medusa's checkout reserving for an order line: the reservation row and the level's reserved count. */
  const reserve = async (
    inventoryItemId: string,
    locationId: string,
    { line_item_id, quantity, created_at = new Date() }: { line_item_id: string; quantity: number; created_at?: Date }
  ) => {
    await run(
      `INSERT INTO reservation_item (id, line_item_id, location_id, inventory_item_id, quantity, raw_quantity, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [`resitem_${line_item_id}_${inventoryItemId}`, line_item_id, locationId, inventoryItemId, quantity, raw(quantity), created_at]
    )
    await changeLevel(inventoryItemId, locationId, { reserved: quantity })
  }

  const level = async (inventoryItemId: string, locationId: string) => {
    const [row] = await run(
      `SELECT stocked_quantity::int AS stocked, reserved_quantity::int AS reserved,
              (raw_stocked_quantity->>'value')::int AS raw_stocked
         FROM inventory_level WHERE inventory_item_id = ? AND location_id = ? AND deleted_at IS NULL`,
      [inventoryItemId, locationId]
    )
    return row as { stocked: number; reserved: number; raw_stocked: number } | undefined
  }

  /** A stock item's movements in sequence order, every stored column but ids and times. */
  const movements = async (stockItemId: string) =>
    (await run(
      `SELECT kind, quantity, stocked_change, count_on_hand_after, stocked_after, sequence,
              originator_type, originator_id, actor_id, reason, note, metadata,
              inventory_item_id, location_id
         FROM stock_movement WHERE stock_item_id = ? ORDER BY sequence`,
      [stockItemId]
    )) as {
      kind: string
      quantity: number
      stocked_change: number
      count_on_hand_after: number
      stocked_after: number
      sequence: number
      originator_type: string | null
      originator_id: string | null
      actor_id: string | null
      reason: string | null
      note: string | null
      metadata: Record<string, unknown> | null
      inventory_item_id: string
      location_id: string
    }[]

  const allMovementCount = async () =>
    Number((await run(`SELECT count(*)::int AS n FROM stock_movement`))[0].n)

  /** The stock item row's remembered balances. */
  const stockItem = async (stockItemId: string) =>
    (
      await run(
        `SELECT id, backorderable, last_sequence::int AS last_sequence,
                ledger_on_hand::int AS ledger_on_hand, ledger_count_on_hand::int AS ledger_count_on_hand
           FROM stock_item WHERE id = ?`,
        [stockItemId]
      )
    )[0]

  /** Live unit rows, oldest first then by id (the fill order). */
  const units = async (filter: { order_id?: string; inventory_item_id?: string } = {}) =>
    (
      await run(
      `SELECT id, order_id, line_item_id, variant_id, inventory_item_id, location_id, state,
              quantity::int AS quantity, fulfillment_id, return_id, ordered_at
         FROM inventory_unit
        WHERE deleted_at IS NULL
          AND (?::text IS NULL OR order_id = ?) AND (?::text IS NULL OR inventory_item_id = ?)
        ORDER BY ordered_at, id`,
      [
        filter.order_id ?? null,
        filter.order_id ?? null,
        filter.inventory_item_id ?? null,
        filter.inventory_item_id ?? null,
      ]
      )
    ).map((row) => ({ ...row, ordered_at: new Date(row.ordered_at) })) as {
      id: string
      order_id: string
      line_item_id: string
      variant_id: string | null
      inventory_item_id: string | null
      location_id: string | null
      state: string
      quantity: number
      fulfillment_id: string | null
      return_id: string | null
      ordered_at: Date
    }[]

  return { run, createLevel, changeLevel, reserve, level, movements, allMovementCount, stockItem, units }
}

/** Asserts invariant 2 on raw rows: `*_after` are the running sums, sequences 1..n. */
export function expectBalanceChain(
  rows: { quantity: number; stocked_change: number; count_on_hand_after: number; stocked_after: number; sequence: number }[]
) {
  let countOnHand = 0
  let onHand = 0
  rows.forEach((row, index) => {
    countOnHand += row.quantity
    onHand += row.stocked_change
    expect({
      sequence: row.sequence,
      count_on_hand_after: row.count_on_hand_after,
      stocked_after: row.stocked_after,
    }).toEqual({ sequence: index + 1, count_on_hand_after: countOnHand, stocked_after: onHand })
  })
  return { count_on_hand: countOnHand, on_hand: onHand }
}
