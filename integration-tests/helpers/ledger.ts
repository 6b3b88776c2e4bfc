/**
 * Reads for HTTP specs: ledger rows, units and levels straight from the
 * database, so tests assert what was written, not only what a route says.
 */
export function ledgerReader(dbConnection: any) {
  const rows = async (sql: string, params: unknown[] = []) =>
    (await dbConnection.raw(sql, params)).rows

  return {
    movements: (inventoryItemId: string, locationId?: string) =>
      rows(
        `select kind, quantity, stocked_change, count_on_hand_after, stocked_after, sequence,
                originator_type, originator_id
           from stock_movement
          where inventory_item_id = ? ${locationId ? "and location_id = ?" : ""}
          order by location_id, sequence`,
        locationId ? [inventoryItemId, locationId] : [inventoryItemId]
      ),
    units: (filter: { order_id?: string; inventory_item_id?: string }) =>
      rows(
        `select id, order_id, line_item_id, inventory_item_id, location_id, state, quantity,
                fulfillment_id, return_id, ordered_at
           from inventory_unit
          where deleted_at is null
            and (?::text is null or order_id = ?) and (?::text is null or inventory_item_id = ?)
          order by ordered_at, state, quantity desc, id`,
        [
          filter.order_id ?? null,
          filter.order_id ?? null,
          filter.inventory_item_id ?? null,
          filter.inventory_item_id ?? null,
        ]
      ),
    level: async (inventoryItemId: string, locationId: string) =>
      (
        await rows(
          `select stocked_quantity::int as stocked, reserved_quantity::int as reserved,
                  (stocked_quantity - reserved_quantity)::int as count_on_hand
             from inventory_level
            where inventory_item_id = ? and location_id = ? and deleted_at is null`,
          [inventoryItemId, locationId]
        )
      )[0],
  }
}

/** Polls until `probe` returns something truthy (or throws after ~15 s). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what = "condition"
): Promise<T> {
  let last: unknown
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const value = await probe()
      if (value) {
        return value
      }
    } catch (err) {
      last = err
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what} not met in time${last ? `: ${last}` : ""}`)
}

/**
 * Waits until the audit is clean: every change Medusa made has been
 * ledgered (reconciliation runs from events, a moment later).
 */
export async function settled(api: any, headers: Record<string, string>) {
  return await waitFor(async () => {
    const { data } = await api.get("/admin/stockroom/audit", { headers })
    return data.ok ? data : false
  }, "a clean audit")
}
