#!/usr/bin/env node
/**
 * npm run bench: builds the plugin, boots a store with it on a fresh
 * database, and measures Stockroom against Medusa's own equivalent in the
 * same run (see bench/README.md). Prints ratios; never asserts a speed. Exits
 * non-zero only when something broke or the ledger lost a unit.
 *
 * Environment (all optional): DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD
 * (default localhost:5432, user postgres; an embedded PostgreSQL when none
 * answers), BENCH_WARMUP (200), BENCH_SAMPLES (300), BENCH_CLIENTS (16),
 * BENCH_SECONDS (10 per side), BENCH_ITEMS ("1000,10000").
 */
const fs = require("fs")
const http = require("http")
const os = require("os")
const path = require("path")
const { Client } = require("pg")
const {
  databaseUrl,
  ensurePostgres,
  freePort,
} = require("../scripts/lib/postgres")
const { AdminClient } = require("./lib/admin-client")
const { start, run, stopAll, waitFor, settle } = require("./lib/processes")
const { measureMovementLatency } = require("./scenarios/movement-latency")
const { measureHotItemThroughput } = require("./scenarios/hot-item-throughput")
const {
  timeStockroomPropagation,
  timeMedusaBatchLevels,
} = require("./scenarios/location-propagation")
const { printTable } = require("./lib/table")

const root = path.resolve(__dirname, "..")
const storeDir = path.join(__dirname, "store")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

const envNumber = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number`)
  }
  return value
}
const config = {
  warmup: envNumber("BENCH_WARMUP", 200),
  samples: envNumber("BENCH_SAMPLES", 300),
  clients: envNumber("BENCH_CLIENTS", 16),
  seconds: envNumber("BENCH_SECONDS", 10),
  rounds: 2,
  items: (process.env.BENCH_ITEMS || "1000,10000").split(",").map(Number),
}
if (config.items.length !== 2 || !config.items.every((n) => Number.isInteger(n) && n >= 4)) {
  throw new Error("BENCH_ITEMS must be two whole numbers ≥ 4, e.g. 1000,10000")
}

const ADMIN = { email: "bench@stockroom.test", password: "stockroom-bench" }
const databaseName = `stockroom_bench_${process.pid}`
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-bench-"))
const logFile = path.join(runDir, "medusa.log")
const HEALTH_TIMEOUT_MS = 3 * 60 * 1000
const PROPAGATION_TIMEOUT_MS = 5 * 60 * 1000
const IDLE_WINDOW_MS = 1500
const LAST_LEDGER_WAIT_MS = 30 * 1000

const startedAt = Date.now()
const log = (message) => {
  const elapsed = String(Math.round((Date.now() - startedAt) / 1000)).padStart(3)
  console.log(`[bench ${elapsed} s] ${message}`)
}

let postgres = null
let databaseCreated = false
let db = null
let client = null
let cleaning = null

async function adminQuery(sql) {
  const admin = new Client({ ...postgres.connection, database: "postgres" })
  await admin.connect()
  try {
    return await admin.query(sql)
  } finally {
    await admin.end().catch(() => {})
  }
}

/** Stops the store and everything else this run started; drops its database. */
function cleanUp() {
  if (!cleaning) {
    cleaning = (async () => {
      client?.close()
      await db?.end().catch(() => {})
      await stopAll()
      if (databaseCreated) {
        try {
          await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
          log(`dropped database ${databaseName}`)
        } catch (err) {
          console.error(`[bench] could not drop database ${databaseName}: ${err.message}`)
        }
      }
      await postgres?.stop()
    })()
  }
  return cleaning
}

let signaled = false
function onSignal(signal) {
  if (signaled) {
    return
  }
  signaled = true
  log(`${signal}: stopping…`)
  cleanUp().finally(() => {
    fs.rmSync(runDir, { recursive: true, force: true })
    process.exit(130)
  })
}

function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: "localhost", port, path: "/health", timeout: 2000 }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    request.on("timeout", () => request.destroy())
    request.on("error", () => resolve(false))
  })
}

async function main() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => onSignal(signal))
  }
  // npm runs this through `sh -c`; a SIGTERM sent to npm can end that shell
  // without reaching us. Being orphaned means we were asked to stop.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) {
      onSignal("parent process exited")
    }
  }, 1000).unref()

  log(`store log: ${logFile}`)
  log("building the plugin (medusa plugin:build)")
  await run("medusa plugin:build", medusaBin, ["plugin:build"], { cwd: root, logFile })

  postgres = await ensurePostgres({ signalHandlers: false, log })
  await adminQuery(`CREATE DATABASE "${databaseName}"`)
  databaseCreated = true
  const url = databaseUrl(postgres.connection, databaseName)
  const port = await freePort()
  const storeEnv = {
    DATABASE_URL: url,
    PORT: String(port),
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "production",
  }
  const inStore = { cwd: storeDir, env: storeEnv, logFile }

  log(`migrating database ${databaseName} (medusa db:migrate)`)
  await run("medusa db:migrate", medusaBin, ["db:migrate"], inStore)
  log("creating the admin user (medusa user)")
  await run("medusa user", medusaBin, ["user", "-e", ADMIN.email, "-p", ADMIN.password], inStore)
  const [smallCount, largeCount] = config.items
  log(`seeding ${smallCount} inventory items (medusa exec)`)
  await run("seeding", medusaBin, ["exec", "./seed-inventory-items.js", String(smallCount)], inStore)

  log(`starting the store (medusa start) on port ${port}`)
  const server = start(medusaBin, ["start"], inStore)
  let serverExit = null
  server.exited.then((result) => (serverExit = result))
  const ready = await waitFor(
    async () => serverExit !== null || (await healthy(port)),
    HEALTH_TIMEOUT_MS,
    500
  )
  if (serverExit !== null || !ready) {
    throw new Error(
      serverExit !== null
        ? `medusa start exited (${serverExit}) before answering /health; see ${logFile}`
        : `medusa start did not answer /health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${logFile}`
    )
  }
  client = new AdminClient(`http://localhost:${port}`)
  await client.login(ADMIN.email, ADMIN.password)
  db = new Client({ connectionString: url })
  await db.connect()
  // Counts the bench's own queries, so they can be taken out of the
  // database's transaction count.
  let benchQueries = 0
  const query = db.query.bind(db)
  db.query = (...args) => {
    benchQueries++
    return query(...args)
  }
  // Transactions the store committed in its database since `mark()`: how
  // much work a step caused, whatever the machine's speed.
  const committed = async () =>
    Number(
      (
        await db.query(
          "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        )
      ).rows[0].xact_commit
    )
  const mark = async () => ({ commits: await committed(), queries: benchQueries })
  const transactionsSince = async (since) =>
    (await committed()) - since.commits - (benchQueries - since.queries)
  // Resolves with roughly how long the store stayed busy (seconds, to
  // within one idle window) after `sinceNs`: background subscriber work a
  // measurement leaves behind.
  const quiet = async (what, sinceNs = process.hrtime.bigint()) => {
    if (!(await settle(server.pid, { windowMs: IDLE_WINDOW_MS }))) {
      log(`warning: the store was still busy ${what} after 2 minutes; measuring anyway`)
    }
    return Math.max(0, Number(process.hrtime.bigint() - sinceNs) / 1e9 - IDLE_WINDOW_MS / 1000)
  }

  const results = {}
  const propagate = async (items) => {
    const before = await mark()
    const since = process.hrtime.bigint()
    const result = await timeStockroomPropagation(client, db, {
      items,
      timeoutMs: PROPAGATION_TIMEOUT_MS,
    })
    const busyFor = await quiet("after propagating", since)
    return { ...result, busyFor, transactions: await transactionsSince(before) }
  }
  // The last measurement of the run does not wait for the store to settle:
  // Stockroom ledgering a large batch of Medusa levels can take minutes.
  const medusaBatch = async (items, { last = false } = {}) => {
    const before = await mark()
    const since = process.hrtime.bigint()
    const result = await timeMedusaBatchLevels(client, db, {
      items,
      ledgerTimeoutMs: last ? LAST_LEDGER_WAIT_MS : PROPAGATION_TIMEOUT_MS,
    })
    const busyFor = last ? null : await quiet("after Medusa's batch", since)
    return { ...result, busyFor, transactions: await transactionsSince(before) }
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
  await run("seeding", medusaBin, ["exec", "./seed-inventory-items.js", String(largeCount)], inStore)
  log("seeded; waiting for the store to be idle")
  await quiet("after seeding")
  log(`location propagation: ${largeCount} inventory items`)
  results.propagateLarge = await propagate(largeCount)
  results.finalAudit = await client.ok("GET", "/admin/stockroom/audit")
  results.batchLarge = await medusaBatch(largeCount, { last: true })

  const healthyLedger = report(results, { smallCount, largeCount })
  log(`done in ${Math.round((Date.now() - startedAt) / 1000)} s`)
  return healthyLedger
}

function report(r, { smallCount, largeCount }) {
  const ms = (v) => `${v.toFixed(1)} ms`
  const s = (v) => `${v.toFixed(2)} s`
  const perSecond = (v) => `${v.toFixed(1)} req/s`
  const thousands = (n) => n.toLocaleString("en-US")
  const t = r.throughput
  const growthStockroom = r.propagateLarge.seconds / r.propagateSmall.seconds
  const growthMedusa = r.batchLarge.seconds / r.batchSmall.seconds
  const rows = [
    {
      metric: "movement latency, median",
      stockroom: ms(r.latency.stockroom.median),
      medusa: ms(r.latency.medusa.median),
      ratio: r.latency.stockroom.median / r.latency.medusa.median,
      goal: "≤ 1.5×",
      met: r.latency.stockroom.median / r.latency.medusa.median <= 1.5,
    },
    {
      metric: "movement latency, p95",
      stockroom: ms(r.latency.stockroom.p95),
      medusa: ms(r.latency.medusa.p95),
      ratio: r.latency.stockroom.p95 / r.latency.medusa.p95,
    },
    {
      metric: `hot item, ${config.clients} clients`,
      stockroom: perSecond(t.stockroom.perSecond),
      medusa: perSecond(t.medusa.perSecond),
      ratio: t.stockroom.perSecond / t.medusa.perSecond,
      goal: "≥ 0.7×",
      met: t.stockroom.perSecond / t.medusa.perSecond >= 0.7,
    },
    {
      metric: `new location → ${thousands(smallCount)} items`,
      stockroom: s(r.propagateSmall.seconds),
      medusa: s(r.batchSmall.seconds),
      ratio: r.propagateSmall.seconds / r.batchSmall.seconds,
    },
    {
      metric: `new location → ${thousands(largeCount)} items`,
      stockroom: s(r.propagateLarge.seconds),
      medusa: s(r.batchLarge.seconds),
      ratio: r.propagateLarge.seconds / r.batchLarge.seconds,
    },
    {
      metric: `growth ${thousands(largeCount)} / ${thousands(smallCount)}`,
      stockroom: `${growthStockroom.toFixed(1)}×`,
      medusa: `${growthMedusa.toFixed(1)}×`,
      ratio: growthStockroom / growthMedusa,
      goal: `~${(largeCount / smallCount).toFixed(0)}× = linear`,
    },
  ]
  console.log("")
  printTable(rows)
  // The propagation rows stop when the last stock item exists; say so when
  // the store kept working much longer than that.
  for (const [items, result] of [[smallCount, r.propagateSmall], [largeCount, r.propagateLarge]]) {
    if (result.busyFor > 2 * result.seconds + 2) {
      console.log(
        `Note: after the new location reached ${thousands(items)} items (${s(result.seconds)}) the store ` +
          `stayed busy until ${s(result.busyFor)}, committing ${thousands(result.transactions)} database ` +
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
    const failed = [...result.failures.values()].reduce((a, b) => a + b, 0)
    console.log(
      `  hot item, ${side}: ${result.ok} succeeded, ${failed} failed in ${result.seconds.toFixed(1)} s` +
        (result.reconciled === undefined
          ? ""
          : `; Stockroom's subscriber ledgered them as ${result.reconciled} reconciled movements`)
    )
    for (const [reason, count] of result.failures) {
      console.log(`    ${count} × ${reason}`)
    }
  }
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
    const small = side === "propagate" ? r.propagateSmall : r.batchSmall
    const large = side === "propagate" ? r.propagateLarge : r.batchLarge
    console.log(
      `    ${title.padEnd(label)}${timing(small, key).padStart(9)}  ${timing(large, key)}`
    )
  }
  console.log("")
  const ledger = t.ledger
  const lines = ledger.checks.map(
    (c) => `  ${c.exact ? "ok  " : "FAIL"} ${c.what}: changed by ${c.change}, expected ${ledger.expected}`
  )
  const audits = [
    ["audit after the hot-item run", t.audit],
    ["audit after the last propagation", r.finalAudit],
  ]
  for (const [what, audit] of audits) {
    lines.push(
      `  ${audit.ok ? "ok  " : "FAIL"} ${what}: ok=${audit.ok}, ${audit.checked} stock items checked` +
        (audit.ok ? "" : `, ${audit.problems.length} problem(s)`)
    )
    for (const problem of audit.ok ? [] : audit.problems.slice(0, 10)) {
      lines.push(`         ${problem.message}`)
    }
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

main()
  .then(async (ledgerOk) => {
    await cleanUp()
    if (ledgerOk) {
      fs.rmSync(runDir, { recursive: true, force: true })
    } else {
      console.error(`[bench] store log kept: ${logFile}`)
    }
    process.exit(ledgerOk ? 0 : 1)
  })
  .catch(async (err) => {
    if (signaled) {
      // Requests cut off by the stop; onSignal finishes and exits.
      return
    }
    console.error(`[bench] ${err.stack || err.message}`)
    console.error(`[bench] store log: ${logFile}`)
    await cleanUp()
    process.exit(1)
  })
