/**
 * The bulk group: absolute levels and movements in batches.
 *
 * 1. BENCH_BULK_ROWS (10,000) absolute levels through Stockroom's
 *    `POST /admin/stock-levels/batch` against the same levels through
 *    Medusa's `POST /admin/inventory-items/location-levels/batch` (`update`),
 *    each at its own location holding the same items, in the same run:
 *    two rounds, swapping which goes first, the store idle in between; time
 *    until the route answers, rows per second.
 * 2. The same number of +1 movements through `POST /admin/stock-movements/batch`
 *    against as many single `POST /admin/stock-movements` calls
 *    (BENCH_CLIENTS concurrent clients), ratio of the two times.
 *
 * Checked afterwards (the run exits 1 on a miss): every level is what was
 * set, the ledger holds exactly the movements the batches and the single
 * calls should have written, and the audit is clean.
 */
const { STORE_DIR } = require("../lib/store")
const { runClients } = require("../lib/load")
const { seconds, perSecond, thousands, mark, printCheck, auditProblemLines } = require("../lib/report")
const { timeStockroomPropagation } = require("../scenarios/location-propagation")

const PROPAGATION_TIMEOUT_MS = 10 * 60 * 1000
const elapsed = (startedNs) => Number(process.hrtime.bigint() - startedNs) / 1e9

/** On-hand values for a round: deterministic, different every round, none equal to the last. */
const levelFor = (index, round) => 1 + ((index * 7 + round * 13) % 97) + round * 100

async function timed(client, path, body) {
  const started = process.hrtime.bigint()
  const result = await client.ok("POST", path, body)
  return { seconds: elapsed(started), result }
}

async function stockedAt(db, locationId) {
  const { rows } = await db.query(
    `SELECT inventory_item_id, stocked_quantity::int AS stocked FROM inventory_level
      WHERE location_id = $1 AND deleted_at IS NULL`,
    [locationId]
  )
  return new Map(rows.map((row) => [row.inventory_item_id, row.stocked]))
}

async function movementsAt(db, locationId) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n, COALESCE(sum(stocked_change), 0)::int AS stocked
       FROM stock_movement WHERE location_id = $1 AND kind <> 'reconciled'`,
    [locationId]
  )
  return rows[0]
}

/** @param {import("../lib/bench-run").BenchRun} bench */
async function run(bench) {
  const { config, log } = bench
  const rows = Number(process.env.BENCH_BULK_ROWS || 10000)
  const store = bench.newStore("Stockroom", STORE_DIR, "_bulk")
  await store.prepare()
  log(`bulk: seeding ${thousands(rows)} inventory items (medusa exec)`)
  await store.exec("seeding", "./seed-inventory-items.js", [rows])
  await store.start()
  const { client, db } = store
  try {
    await store.quiet("after boot")
    log("bulk: two locations holding every item (propagated, not timed)")
    const ours = (await timeStockroomPropagation(client, db, { items: rows, timeoutMs: PROPAGATION_TIMEOUT_MS })).location_id
    await store.quiet("after the first location")
    const theirs = (await timeStockroomPropagation(client, db, { items: rows, timeoutMs: PROPAGATION_TIMEOUT_MS })).location_id
    await store.quiet("after the second location")
    const { rows: items } = await db.query(
      `SELECT id FROM inventory_item WHERE deleted_at IS NULL ORDER BY id`
    )

    const results = { rows, levels: [], checks: [] }
    for (const round of [1, 2]) {
      const stockroomBody = {
        levels: items.map(({ id }, index) => ({
          inventory_item_id: id,
          location_id: ours,
          on_hand: levelFor(index, round),
        })),
      }
      const medusaBody = {
        update: items.map(({ id }, index) => ({
          inventory_item_id: id,
          location_id: theirs,
          stocked_quantity: levelFor(index, round),
        })),
      }
      const sides = [
        ["stockroom", () => timed(client, "/admin/stock-levels/batch", stockroomBody)],
        ["medusa", () => timed(client, "/admin/inventory-items/location-levels/batch", medusaBody)],
      ]
      if (round === 2) {
        sides.reverse()
      }
      const times = {}
      for (const [side, send] of sides) {
        log(`bulk: ${thousands(rows)} absolute levels, round ${round}, ${side}`)
        const { seconds: taken, result } = await send()
        times[side] = taken
        if (side === "stockroom" && result.changed !== rows) {
          results.checks.push({ ok: false, line: `round ${round}: Stockroom changed ${result.changed} levels, expected ${rows}` })
        }
        await store.quiet(`after ${side}'s batch`)
      }
      results.levels.push(times)
      for (const locationId of [ours, theirs]) {
        const stocked = await stockedAt(db, locationId)
        const wrong = items.filter(({ id }, index) => stocked.get(id) !== levelFor(index, round)).length
        results.checks.push({
          ok: wrong === 0,
          line: `round ${round}: ${wrong} of ${rows} levels at ${locationId === ours ? "Stockroom's" : "Medusa's"} location differ from what was set`,
        })
      }
    }

    log(`bulk: ${thousands(rows)} movements in one batch`)
    const before = await movementsAt(db, ours)
    const batch = await timed(client, "/admin/stock-movements/batch", {
      movements: items.map(({ id }) => ({ inventory_item_id: id, location_id: ours, quantity: 1 })),
    })
    await store.quiet("after the movement batch")
    log(`bulk: ${thousands(rows)} single movements, ${config.clients} clients`)
    const singles = await runClients(
      async (_client, n) => {
        const index = _client + n * config.clients
        const { status, body } = await client.request("POST", "/admin/stock-movements", {
          inventory_item_id: items[index % items.length].id,
          location_id: ours,
          quantity: 1,
        })
        return status >= 200 && status < 300 ? undefined : `${status} ${JSON.stringify(body).slice(0, 120)}`
      },
      { clients: config.clients, count: rows }
    )
    await store.quiet("after the single movements")
    const after = await movementsAt(db, ours)
    const expected = rows + singles.ok
    results.movements = { batchSeconds: batch.seconds, singleSeconds: singles.seconds, singlesOk: singles.ok, failures: singles.failures }
    results.checks.push({
      ok: after.n - before.n === expected && after.stocked - before.stocked === expected && singles.failures.size === 0,
      line: `${after.n - before.n} new movements moving ${after.stocked - before.stocked} units at Stockroom's location (expected ${expected} of each), ${[...singles.failures.values()].reduce((a, b) => a + b, 0)} single calls failed`,
    })
    const audit = await client.ok("GET", "/admin/stockroom/audit")
    results.checks.push({ ok: audit.ok === true, line: `audit ok: ${audit.ok}`, audit })
    return results
  } finally {
    await store.close()
  }
}

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length

function rows(results) {
  const stockroom = mean(results.levels.map((times) => times.stockroom))
  const medusa = mean(results.levels.map((times) => times.medusa))
  const levelRatio = stockroom / medusa
  const { batchSeconds, singleSeconds } = results.movements
  return [
    {
      metric: `${thousands(results.rows)} absolute levels, one request (mean of 2)`,
      stockroom: `${seconds(stockroom)} (${perSecond(results.rows / stockroom, "rows")})`,
      medusa: `${seconds(medusa)} (${perSecond(results.rows / medusa, "rows")})`,
      ratio: levelRatio,
      goal: "≤ 1.0×",
      met: levelRatio <= 1,
    },
    {
      metric: `${thousands(results.rows)} movements: one batch vs single calls`,
      stockroom: `${seconds(batchSeconds)} (${perSecond(results.rows / batchSeconds, "rows")})`,
      medusa: `single: ${seconds(singleSeconds)} (${perSecond(results.movements.singlesOk / singleSeconds, "rows")})`,
      ratio: batchSeconds / singleSeconds,
    },
  ]
}

/** False when a level, a movement or the audit is off. */
function details(results) {
  console.log("")
  console.log("Bulk")
  results.levels.forEach((times, index) =>
    console.log(`  round ${index + 1}: Stockroom ${seconds(times.stockroom)}, Medusa ${seconds(times.medusa)}`)
  )
  let ok = true
  for (const check of results.checks) {
    printCheck(check.ok, `  ${mark(check.ok)} ${check.line}`)
    if (!check.ok && check.audit) {
      auditProblemLines(check.audit).forEach((line) => console.log(line))
    }
    ok = ok && check.ok
  }
  return ok
}

module.exports = { run, rows, details }
