/**
 * Seeds a large, consistent ledger straight into the store's database with
 * set-based SQL (generate_series), for the ledger-scale group: stock
 * locations, inventory items, Medusa's inventory levels, Stockroom's stock
 * items and `movements` stock movements, in a few statements.
 *
 * Movement g (0-based, in time order) belongs to stock item g mod N and has
 * sequence ⌊g / N⌋ + 1, so every stock item's movements are spread over the
 * whole year like a shop's, not stored side by side. Each stock item
 * repeats one cycle of eight movements (received, allocated, shipped,
 * allocated, released, transfer_out, adjusted, returned); every movement's
 * `count_on_hand_after` / `stocked_after` is the running sum of its chain,
 * and the stock item's balances and Medusa's level (stocked, reserved =
 * stocked − count on hand) match its last movement, so the audit is clean.
 */

/** One cycle: [kind, quantity (count on hand), stocked_change (on hand), reason_code]. */
const CYCLE = [
  ["received", 10, 10, "received"],
  ["allocated", -3, 0, null],
  ["shipped", 0, -3, null],
  ["allocated", -2, 0, null],
  ["released", 2, 0, null],
  ["transfer_out", -1, -1, null],
  ["adjusted", -1, -1, "damaged"],
  ["returned", 1, 1, null],
]

const prefixSums = (column) => {
  let sum = 0
  return CYCLE.map((step) => (sum += step[column]))
}
const QUANTITY_AFTER = prefixSums(1)
const STOCKED_AFTER = prefixSums(2)
const PER_CYCLE = { quantity: QUANTITY_AFTER.at(-1), stocked: STOCKED_AFTER.at(-1) }

const ORIGINATORS = {
  received: "purchase_order",
  allocated: "order",
  shipped: "fulfillment",
  released: "order",
  transfer_out: "stock_transfer",
  adjusted: "user",
  returned: "return",
}

const sqlArray = (values, type) =>
  `ARRAY[${values.map((v) => (v === null ? "NULL" : typeof v === "number" ? v : `'${v}'`)).join(",")}]::${type}[]`

/** Balances after the movement with 1-based sequence `seq` (SQL expression). */
const after = (sums, perCycle, seq) =>
  `((${seq} - 1) / ${CYCLE.length}) * ${perCycle} + (${sqlArray(sums, "int")})[((${seq} - 1) % ${CYCLE.length}) + 1]`

const id = (prefix, n) => `'${prefix}_bench' || lpad((${n})::text, 10, '0')`

/**
 * @param {import("pg").Client} db
 * @param {{movements: number, items: number, locations: number, batch?: number, log: (m: string) => void}} opts
 * @returns {Promise<{stockItems: number, locationIds: string[]}>}
 */
async function seedLedger(db, { movements, items, locations, batch = 250000, log }) {
  const stockItems = items * locations
  const start = "timestamptz '2026-01-01 00:00:00+00'"
  // Spread the movements over a year.
  const step = `${(365 * 24 * 3600) / movements} * interval '1 second'`

  await db.query(
    `INSERT INTO stock_location (id, name)
     SELECT ${id("sloc", "l")}, 'Bench location ' || l FROM generate_series(1, $1) l`,
    [locations]
  )
  await db.query(
    `INSERT INTO stock_location_setting (id, stock_location_id, propagate_all_variants)
     SELECT ${id("slset", "l")}, ${id("sloc", "l")}, false FROM generate_series(1, $1) l`,
    [locations]
  )
  await db.query(
    `INSERT INTO inventory_item (id, sku, title)
     SELECT ${id("iitem", "i")}, 'LEDGER-' || lpad(i::text, 7, '0'), 'Ledger item ' || i
       FROM generate_series(1, $1) i`,
    [items]
  )
  // Stock item s (0-based): inventory item s / locations + 1 at location s % locations + 1.
  // Its last movement: movements are dealt round-robin, so it has
  // ⌈(movements − s) / N⌉ of them.
  const lastSequence = `((${movements} - s + ${stockItems} - 1) / ${stockItems})`
  await db.query(
    `INSERT INTO stock_item (id, inventory_item_id, location_id, backorderable,
                             last_sequence, ledger_on_hand, ledger_count_on_hand)
     SELECT ${id("sitem", "s")}, ${id("iitem", `s / ${locations} + 1`)}, ${id("sloc", `s % ${locations} + 1`)}, true,
            n, ${after(STOCKED_AFTER, PER_CYCLE.stocked, "n")}, ${after(QUANTITY_AFTER, PER_CYCLE.quantity, "n")}
       FROM generate_series(0, $1 - 1) s, LATERAL (SELECT ${lastSequence} AS n) last`,
    [stockItems]
  )
  await db.query(
    `INSERT INTO inventory_level (id, inventory_item_id, location_id, stocked_quantity, reserved_quantity,
                                  raw_stocked_quantity, raw_reserved_quantity, raw_incoming_quantity)
     SELECT 'ilev_' || substr(si.id, 7), si.inventory_item_id, si.location_id, si.ledger_on_hand,
            si.ledger_on_hand - si.ledger_count_on_hand,
            jsonb_build_object('value', si.ledger_on_hand::text, 'precision', 20),
            jsonb_build_object('value', (si.ledger_on_hand - si.ledger_count_on_hand)::text, 'precision', 20),
            jsonb_build_object('value', '0', 'precision', 20)
       FROM stock_item si WHERE si.id LIKE 'sitem_bench%'`
  )

  const kinds = sqlArray(CYCLE.map((c) => c[0]), "text")
  const quantities = sqlArray(CYCLE.map((c) => c[1]), "int")
  const stockedChanges = sqlArray(CYCLE.map((c) => c[2]), "int")
  const reasonCodes = sqlArray(CYCLE.map((c) => c[3]), "text")
  const originators = sqlArray(CYCLE.map((c) => ORIGINATORS[c[0]]), "text")
  const started = Date.now()
  for (let from = 0; from < movements; from += batch) {
    const to = Math.min(movements, from + batch) - 1
    await db.query(
      `INSERT INTO stock_movement (id, stock_item_id, inventory_item_id, location_id, kind, quantity,
                                   stocked_change, count_on_hand_after, stocked_after, sequence,
                                   originator_type, originator_id, reason_code, created_at, updated_at)
       SELECT ${id("smov", "g")}, ${id("sitem", "s")}, ${id("iitem", `s / ${locations} + 1`)},
              ${id("sloc", `s % ${locations} + 1`)}, (${kinds})[p], (${quantities})[p], (${stockedChanges})[p],
              ${after(QUANTITY_AFTER, PER_CYCLE.quantity, "seq")}, ${after(STOCKED_AFTER, PER_CYCLE.stocked, "seq")},
              seq, (${originators})[p], 'bench_' || g, (${reasonCodes})[p], at, at
         FROM generate_series($1::int, $2::int) g,
              LATERAL (SELECT g % ${stockItems} AS s, g / ${stockItems} + 1 AS seq) chain,
              LATERAL (SELECT (seq - 1) % ${CYCLE.length} + 1 AS p, ${start} + g * ${step} AS at) row`,
      [from, to]
    )
    log(`${(to + 1).toLocaleString("en-US")} movements (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  }
  // What autovacuum does on its own after a large insert; done now so the
  // measurements do not depend on when it comes round.
  await db.query("VACUUM (ANALYZE) stock_movement")
  await db.query("ANALYZE stock_item; ANALYZE inventory_level; ANALYZE inventory_item")

  const { rows: locationRows } = await db.query(
    `SELECT id FROM stock_location WHERE id LIKE 'sloc_bench%' ORDER BY id`
  )
  return {
    stockItems,
    locationIds: locationRows.map((r) => r.id),
  }
}

module.exports = { seedLedger, CYCLE }
