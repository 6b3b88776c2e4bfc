/**
 * The ledger group: movement latency, hot-item throughput with the ledger
 * check, and location propagation, in one store with the plugin
 * (bench/store) seeded by `medusa exec` with BENCH_ITEMS inventory items.
 */
const { STORE_DIR } = require("../lib/store")
const { comparisonRow, medianAndP95Rows } = require("../lib/table")
const { ms, seconds, perSecond, thousands, mark, auditProblemLines, printLoadOutcome } = require("../lib/report")
const { measureMovementLatency } = require("../scenarios/movement-latency")
const { measureHotItemThroughput } = require("../scenarios/hot-item-throughput")
const { timeStockroomPropagation, timeMedusaBatchLevels } = require("../scenarios/location-propagation")

const PROPAGATION_TIMEOUT_MS = 5 * 60 * 1000
const LAST_LEDGER_WAIT_MS = 30 * 1000

/** @param {import("../lib/bench-run").BenchRun} bench */
async function run(bench) {
  const { config, log } = bench
  const [smallCount, largeCount] = config.items
  const store = bench.newStore("Stockroom", STORE_DIR, "")
  await store.prepare()
  log(`seeding ${smallCount} inventory items (medusa exec)`)
  await store.exec("seeding", "./seed-inventory-items.js", [smallCount])
  await store.start()
  const client = store.client
  const db = store.db
  const work = countWork(db)
  // Resolves with roughly how long the store stayed busy (seconds, to
  // within one idle window) after `sinceNs`: background subscriber work a
  // measurement leaves behind.
  const quiet = (what, sinceNs) => store.quiet(what, sinceNs)

  const results = {}
  const propagate = async (items) => {
    const before = await work.mark()
    const since = process.hrtime.bigint()
    const result = await timeStockroomPropagation(client, db, {
      items,
      timeoutMs: PROPAGATION_TIMEOUT_MS,
    })
    const busyFor = await quiet("after propagating", since)
    return { ...result, busyFor, transactions: await work.transactionsSince(before) }
  }
  // The last measurement of the run does not wait for the store to settle:
  // Stockroom ledgering a large batch of Medusa levels can take minutes.
  const medusaBatch = async (items, { last = false } = {}) => {
    const before = await work.mark()
    const since = process.hrtime.bigint()
    const result = await timeMedusaBatchLevels(client, db, {
      items,
      ledgerTimeoutMs: last ? LAST_LEDGER_WAIT_MS : PROPAGATION_TIMEOUT_MS,
    })
    const busyFor = last ? null : await quiet("after Medusa's batch", since)
    return { ...result, busyFor, transactions: await work.transactionsSince(before) }
  }

  // 3 (first half). Propagation to the small catalogue.
  log(`location propagation: ${smallCount} inventory items`)
  await quiet("after boot")
  results.propagateSmall = await propagate(smallCount)
  results.batchSmall = await medusaBatch(smallCount)

  // 1 and 2 on the propagated location: four seeded items, two per side.
  const { rows: hot } = await db.query(
    `SELECT id FROM inventory_item WHERE sku IN ('BENCH-000001', 'BENCH-000002', 'BENCH-000003', 'BENCH-000004') ORDER BY sku`
  )
  const location_id = results.propagateSmall.location_id
  log(`movement latency: ${config.warmup} warm-up + ${config.samples} measured requests per side, alternating`)
  results.latency = await measureMovementLatency(client, {
    location_id,
    stockroomItemId: hot[0].id,
    medusaItemId: hot[1].id,
    warmup: config.warmup,
    samples: config.samples,
  })
  await quiet("after the latency runs")

  log(`hot-item throughput: ${config.clients} clients, ${config.seconds} s per side in ${config.rounds} rounds`)
  results.throughput = await measureHotItemThroughput(client, db, {
    location_id,
    stockroomItemId: hot[2].id,
    medusaItemId: hot[3].id,
    clients: config.clients,
    seconds: config.seconds,
    rounds: config.rounds,
    settle: () => quiet("after a throughput phase"),
    log,
  })

  // 3 (second half). Grow the catalogue outside the measurement, then again.
  log(`seeding up to ${largeCount} inventory items (medusa exec)`)
  await store.exec("seeding", "./seed-inventory-items.js", [largeCount])
  log("seeded; waiting for the store to be idle")
  await quiet("after seeding")
  log(`location propagation: ${largeCount} inventory items`)
  results.propagateLarge = await propagate(largeCount)
  results.finalAudit = await client.ok("GET", "/admin/stockroom/audit")
  results.batchLarge = await medusaBatch(largeCount, { last: true })
  // The next group gets the machine to itself.
  await store.close()
  return results
}

/**
 * Transactions the store committed in its database since `mark()`: how
 * much work a step caused, whatever the machine's speed. The bench's own
 * queries on `db` are counted and taken out.
 */
function countWork(db) {
  let benchQueries = 0
  const query = db.query.bind(db)
  db.query = (...args) => {
    benchQueries++
    return query(...args)
  }
  const committed = async () =>
    Number(
      (
        await db.query(
          "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        )
      ).rows[0].xact_commit
    )
  return {
    mark: async () => ({ commits: await committed(), queries: benchQueries }),
    transactionsSince: async (since) =>
      (await committed()) - since.commits - (benchQueries - since.queries),
  }
}

function rows(r, config) {
  const [smallCount, largeCount] = config.items
  const t = r.throughput
  const times = (v) => `${v.toFixed(1)}×`
  return [
    ...medianAndP95Rows("movement latency", r.latency.stockroom, r.latency.medusa, ms, {
      median: { atMost: 1.5 },
    }),
    comparisonRow(
      `hot item, ${config.clients} clients`,
      t.stockroom.perSecond,
      t.medusa.perSecond,
      (v) => perSecond(v, "req"),
      { atLeast: 0.7 }
    ),
    comparisonRow(`new location → ${thousands(smallCount)} items`, r.propagateSmall.seconds, r.batchSmall.seconds, seconds),
    comparisonRow(`new location → ${thousands(largeCount)} items`, r.propagateLarge.seconds, r.batchLarge.seconds, seconds),
    comparisonRow(
      `growth ${thousands(largeCount)} / ${thousands(smallCount)}`,
      r.propagateLarge.seconds / r.propagateSmall.seconds,
      r.batchLarge.seconds / r.batchSmall.seconds,
      times,
      { goal: `~${(largeCount / smallCount).toFixed(0)}× = linear` }
    ),
  ]
}

/** The notes, the details and the ledger check; resolves false when the check failed. */
function details(r, config) {
  const [smallCount, largeCount] = config.items
  const t = r.throughput
  // The propagation rows stop when the last stock item exists; say so when
  // the store kept working much longer than that.
  for (const [items, result] of [[smallCount, r.propagateSmall], [largeCount, r.propagateLarge]]) {
    if (result.busyFor > 2 * result.seconds + 2) {
      console.log(
        `Note: after the new location reached ${thousands(items)} items (${seconds(result.seconds)}) the store ` +
          `stayed busy until ${seconds(result.busyFor)}, committing ${thousands(result.transactions)} database ` +
          "transactions: subscriber work the propagation row does not include (see Details)."
      )
    }
  }
  console.log("")
  console.log("Details")
  console.log(
    `  latency samples: ${r.latency.stockroom.n} per side after ${config.warmup} warm-up rounds; ` +
      "Stockroom: POST /admin/stock-movements (+1 by inventory_item_id + location_id); " +
      "Medusa: POST /admin/inventory-items/:id/location-levels/:location_id {stocked_quantity}"
  )
  for (const [side, result] of [["Stockroom", t.stockroom], ["Medusa", t.medusa]]) {
    printLoadOutcome(
      `hot item, ${side}`,
      result,
      result.reconciled === undefined
        ? ""
        : `; Stockroom's subscriber ledgered them as ${result.reconciled} reconciled movements`
    )
  }
  printTimeline(r, config.items)
  console.log("")
  return printLedgerCheck(r)
}

/** When each step of the two new-location measurements got how far, per size. */
function printTimeline({ propagateSmall, propagateLarge, batchSmall, batchLarge }, [smallCount, largeCount]) {
  const timeline = [
    ["Stockroom: POST /admin/stock-locations answered", "propagate", "answeredAfter"],
    ["Stockroom: every item has a stock item + level", "propagate", "seconds"],
    ["Stockroom: store busy (subscribers) until", "propagate", "busyFor"],
    ["Stockroom: database transactions until idle", "propagate", "transactions"],
    ["Medusa: batch route answered (levels created)", "batch", "seconds"],
    ["Medusa: Stockroom has ledgered the new levels", "batch", "ledgeredAfter"],
    ["Medusa: store busy (subscribers) until", "batch", "busyFor"],
    ["Medusa: database transactions until idle", "batch", "transactions"],
  ]
  const label = Math.max(...timeline.map(([title]) => title.length))
  console.log(
    `  new location, seconds from the request:`.padEnd(label + 4) +
      `${thousands(smallCount).padStart(9)}  ${thousands(largeCount)}`
  )
  const timing = (result, key) => {
    const value = result[key]
    if (key === "transactions") {
      return result.busyFor === null ? `${value} when the bench stopped` : String(value)
    }
    if (value !== null) {
      return value.toFixed(2)
    }
    // Only the run's last measurement leaves these open.
    return key === "ledgeredAfter"
      ? `> ${result.waitedFor.toFixed(0)} (${result.ledgered} done)`
      : "not waited"
  }
  for (const [title, side, key] of timeline) {
    const small = side === "propagate" ? propagateSmall : batchSmall
    const large = side === "propagate" ? propagateLarge : batchLarge
    console.log(
      `    ${title.padEnd(label)}${timing(small, key).padStart(9)}  ${timing(large, key)}`
    )
  }
}

/** The hot stock item's ledger and both audits; printed loudly when any is off. */
function printLedgerCheck(r) {
  const t = r.throughput
  const ledger = t.ledger
  const lines = ledger.checks.map(
    (c) => `  ${mark(c.exact)} ${c.what}: changed by ${c.change}, expected ${ledger.expected}`
  )
  const audits = [
    ["audit after the hot-item run", t.audit],
    ["audit after the last propagation", r.finalAudit],
  ]
  for (const [what, audit] of audits) {
    lines.push(
      `  ${mark(audit.ok)} ${what}: ok=${audit.ok}, ${audit.checked} stock items checked` +
        (audit.ok ? "" : `, ${audit.problems.length} problem(s)`),
      ...auditProblemLines(audit)
    )
  }
  const allGood = ledger.exact && audits.every(([, audit]) => audit.ok)
  if (allGood) {
    console.log(`Ledger check: exact (hot stock item ${t.stock_item_id}, ${ledger.expected} successful +1 movements)`)
    lines.forEach((line) => console.log(line))
  } else {
    const bar = "!".repeat(72)
    console.error(bar)
    console.error(`LEDGER CHECK FAILED: the ledger does not explain the ${ledger.expected} successful +1 movements`)
    lines.forEach((line) => console.error(line))
    console.error(bar)
  }
  return allGood
}

module.exports = { run, rows, details }
