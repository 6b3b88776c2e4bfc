#!/usr/bin/env node
/**
 * npm run bench: builds the plugin, boots stores on fresh databases, and
 * measures Stockroom against Medusa's own equivalent in the same run (see
 * bench/README.md). Prints ratios; never asserts a speed. Exits non-zero
 * only when something broke, the ledger lost a unit or a backorder fill
 * left a unit behind.
 *
 * Groups (all by default; `npm run bench -- --only=units` or
 * `--only=ledger,checkout`): ledger (movement latency, hot item, location
 * propagation), checkout (a checkout with and without the plugin),
 * backorders (one receipt filling 1,000 / 10,000 backordered units),
 * storefront (the product listing with zero-stock products hidden, and add
 * to cart, with and without the plugin), scale (movements and checkouts per
 * second on two servers + a worker against one process, both on Redis; needs
 * Redis at REDIS_URL, left out of a full run with a note when none answers);
 * `units` = checkout + backorders.
 *
 * Environment (all optional): DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD
 * (default localhost:5432, user postgres; an embedded PostgreSQL when none
 * answers), BENCH_WARMUP (200), BENCH_SAMPLES (300), BENCH_CLIENTS (16),
 * BENCH_SECONDS (10 per side), BENCH_ITEMS ("1000,10000"),
 * BENCH_CHECKOUT_WARMUP (10), BENCH_CHECKOUTS (100), BENCH_BACKORDERS
 * ("10x20x5,100x20x5": orders × units each, small then large),
 * BENCH_ORDER_CONCURRENCY (8), BENCH_LISTING_PRODUCTS (5000),
 * BENCH_LISTING_WARMUP (20), BENCH_LISTINGS (100), BENCH_ADD_WARMUP (10),
 * BENCH_ADDS (50), BENCH_SCALE_SECONDS (10 per measurement),
 * BENCH_SCALE_CLIENTS (16), BENCH_SCALE_CUSTOMERS (8), BENCH_SCALE_CHECKOUTS (40),
 * BENCH_SCALE_ITEMS (8), BENCH_SCALE_ROUNDS (2: two servers + worker, one process,
 * then the other way round),
 * REDIS_URL (redis://localhost:6379).
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { Client } = require("pg")
const { ensurePostgres } = require("../scripts/lib/postgres")
const { run, stopAll } = require("./lib/processes")
const { BenchStore, medusaBin } = require("./lib/store")
const { setUpShop } = require("./lib/storefront")
const { measureMovementLatency } = require("./scenarios/movement-latency")
const { measureHotItemThroughput } = require("./scenarios/hot-item-throughput")
const {
  timeStockroomPropagation,
  timeMedusaBatchLevels,
} = require("./scenarios/location-propagation")
const { measureCheckoutOverhead } = require("./scenarios/checkout-overhead")
const { placeBackorders, timeBackorderFill } = require("./scenarios/backorder-fill")
const { measureListing, measureAddToCart, LISTING_PATH } = require("./scenarios/storefront")
const { measureTopology } = require("./scenarios/scale-throughput")
const { printTable } = require("./lib/table")
const { ScaleStore, ADMIN: SCALE_ADMIN } = require("../scripts/lib/scale-store")
const { redisAnswers, redisUrl } = require("../scripts/lib/redis")

const root = path.resolve(__dirname, "..")
const storeDir = path.join(__dirname, "store")
const plainStoreDir = path.join(__dirname, "store-plain")

const GROUPS = ["ledger", "checkout", "backorders", "storefront", "scale"]
const ALIASES = { units: ["checkout", "backorders"], all: GROUPS }
function parseGroups(argv) {
  const only = argv.find((arg) => arg.startsWith("--only="))
  if (!only) {
    return new Set(GROUPS)
  }
  const chosen = new Set()
  for (const name of only.slice("--only=".length).split(",").filter(Boolean)) {
    const names = ALIASES[name] ?? (GROUPS.includes(name) ? [name] : null)
    if (!names) {
      throw new Error(`unknown group "${name}" in ${only}; groups: ${[...GROUPS, ...Object.keys(ALIASES)].join(", ")}`)
    }
    names.forEach((n) => chosen.add(n))
  }
  return chosen
}
const groups = parseGroups(process.argv.slice(2))

const envNumber = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number`)
  }
  return value
}
const parseBackorders = (text) => {
  const sizes = text.split(",").map((part) => {
    const [orders, lines, unitsPerLine] = part.split("x").map(Number)
    return { orders, lines, unitsPerLine, rows: orders * lines, units: orders * lines * unitsPerLine }
  })
  if (
    sizes.length !== 2 ||
    !sizes.every((s) => [s.orders, s.lines, s.unitsPerLine].every((n) => Number.isInteger(n) && n > 0))
  ) {
    throw new Error(
      'BENCH_BACKORDERS must be two sizes "<orders>x<lines each>x<units per line>", e.g. 10x20x5,100x20x5'
    )
  }
  return sizes
}
const config = {
  warmup: envNumber("BENCH_WARMUP", 200),
  samples: envNumber("BENCH_SAMPLES", 300),
  clients: envNumber("BENCH_CLIENTS", 16),
  seconds: envNumber("BENCH_SECONDS", 10),
  rounds: 2,
  items: (process.env.BENCH_ITEMS || "1000,10000").split(",").map(Number),
  checkoutWarmup: envNumber("BENCH_CHECKOUT_WARMUP", 10),
  checkouts: envNumber("BENCH_CHECKOUTS", 100),
  backorders: parseBackorders(process.env.BENCH_BACKORDERS || "10x20x5,100x20x5"),
  orderConcurrency: envNumber("BENCH_ORDER_CONCURRENCY", 8),
  listingProducts: envNumber("BENCH_LISTING_PRODUCTS", 5000),
  listingWarmup: envNumber("BENCH_LISTING_WARMUP", 20),
  listings: envNumber("BENCH_LISTINGS", 100),
  addWarmup: envNumber("BENCH_ADD_WARMUP", 10),
  adds: envNumber("BENCH_ADDS", 50),
  scaleSeconds: envNumber("BENCH_SCALE_SECONDS", 10),
  scaleClients: envNumber("BENCH_SCALE_CLIENTS", 16),
  scaleCustomers: envNumber("BENCH_SCALE_CUSTOMERS", 8),
  scaleCheckouts: envNumber("BENCH_SCALE_CHECKOUTS", 40),
  scaleItems: envNumber("BENCH_SCALE_ITEMS", 8),
  scaleRounds: envNumber("BENCH_SCALE_ROUNDS", 2),
}
if (config.items.length !== 2 || !config.items.every((n) => Number.isInteger(n) && n >= 4)) {
  throw new Error("BENCH_ITEMS must be two whole numbers ≥ 4, e.g. 1000,10000")
}

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-bench-"))
const logFile = path.join(runDir, "medusa.log")
const PROPAGATION_TIMEOUT_MS = 5 * 60 * 1000
const LAST_LEDGER_WAIT_MS = 30 * 1000

const startedAt = Date.now()
const log = (message) => {
  const elapsed = String(Math.round((Date.now() - startedAt) / 1000)).padStart(3)
  console.log(`[bench ${elapsed} s] ${message}`)
}

let postgres = null
let cleaning = null
const stores = []
const scaleStores = []

async function adminQuery(sql) {
  const admin = new Client({ ...postgres.connection, database: "postgres" })
  await admin.connect()
  try {
    return await admin.query(sql)
  } finally {
    await admin.end().catch(() => {})
  }
}

function newStore(label, dir, suffix, env = {}) {
  const store = new BenchStore({
    label,
    dir,
    database: `stockroom_bench_${process.pid}${suffix}`,
    postgres,
    logFile,
    adminQuery,
    log,
    env,
  })
  stores.push(store)
  return store
}

/** Stops every store and everything else this run started; drops the databases. */
function cleanUp() {
  if (!cleaning) {
    cleaning = (async () => {
      await Promise.all(stores.map((store) => store.stop().catch(() => {})))
      for (const store of scaleStores) {
        await store.close({ keepLogs: true }).catch(() => {})
      }
      await stopAll()
      for (const store of stores) {
        await store.close()
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

  log(`groups: ${GROUPS.filter((g) => groups.has(g)).join(", ")}`)
  log(`store log: ${logFile}`)
  log("building the plugin (medusa plugin:build)")
  await run("medusa plugin:build", medusaBin, ["plugin:build"], { cwd: root, logFile })
  postgres = await ensurePostgres({ signalHandlers: false, log })

  const sizes = { smallCount: config.items[0], largeCount: config.items[1] }
  let ledger = null
  let units = null
  let storefront = null
  let scale = null
  if (groups.has("ledger")) {
    const store = newStore("Stockroom", storeDir, "")
    await store.prepare()
    log(`seeding ${sizes.smallCount} inventory items (medusa exec)`)
    await store.exec("seeding", "./seed-inventory-items.js", [sizes.smallCount])
    await store.start()
    ledger = await ledgerGroup(store, sizes)
    // The next group gets the machine to itself.
    await store.close()
  }
  if (groups.has("checkout") || groups.has("backorders")) {
    units = await unitsGroup()
  }
  if (groups.has("storefront")) {
    storefront = await storefrontGroup()
  }
  if (groups.has("scale")) {
    if (await redisAnswers(redisUrl())) {
      scale = await scaleGroup()
    } else if (process.argv.some((arg) => arg.startsWith("--only="))) {
      throw new Error(`the scale group needs Redis; none answers at ${redisUrl()} (set REDIS_URL)`)
    } else {
      log(`scale group left out: no Redis answers at ${redisUrl()} (set REDIS_URL)`)
    }
  }

  const rows = [
    ...(ledger ? ledgerRows(ledger, sizes) : []),
    ...(units ? unitsRows(units) : []),
    ...(storefront ? storefrontRows(storefront) : []),
  ]
  if (rows.length) {
    console.log("")
    printTable(rows)
  }
  let ok = true
  if (ledger) {
    ok = ledgerDetails(ledger, sizes) && ok
  }
  if (units) {
    ok = unitsDetails(units) && ok
  }
  if (storefront) {
    ok = storefrontDetails(storefront) && ok
  }
  if (scale) {
    ok = scaleReport(scale) && ok
  }
  log(`done in ${Math.round((Date.now() - startedAt) / 1000)} s`)
  return ok
}

/** Movement latency, hot-item throughput and location propagation. */
async function ledgerGroup(store, { smallCount, largeCount }) {
  const client = store.client
  const db = store.db
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
  const quiet = (what, sinceNs) => store.quiet(what, sinceNs)

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
  await store.exec("seeding", "./seed-inventory-items.js", [largeCount])
  log("seeded; waiting for the store to be idle")
  await quiet("after seeding")
  log(`location propagation: ${largeCount} inventory items`)
  results.propagateLarge = await propagate(largeCount)
  results.finalAudit = await client.ok("GET", "/admin/stockroom/audit")
  results.batchLarge = await medusaBatch(largeCount, { last: true })
  return results
}

function ledgerRows(r, { smallCount, largeCount }) {
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
  return rows
}

function ledgerDetails(r, { smallCount, largeCount }) {
  const s = (v) => `${v.toFixed(2)} s`
  const thousands = (n) => n.toLocaleString("en-US")
  const t = r.throughput
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

/**
 * The inventory-unit measurements, on two fresh stores seeded alike through
 * the admin API: bench/store (with Stockroom) and bench/store-plain
 * (without), both running; the plain one only for the checkout comparison.
 */
async function unitsGroup() {
  const variants = [
    { key: "checkout", stocked: 1000000 },
    ...["small", "large"].map((key, i) => ({
      key,
      stocked: 0,
      variants: config.backorders[i].lines,
    })),
  ]
  const withPlugin = newStore("Stockroom", storeDir, "_units")
  const plain = groups.has("checkout") ? newStore("plain Medusa", plainStoreDir, "_plain") : null
  const both = [withPlugin, plain].filter(Boolean)
  // Two cores: one migration each at once, one boot each at once.
  await Promise.all(both.map((store) => store.prepare()))
  await Promise.all(both.map((store) => store.start()))
  log("setting up the shop (region, channel, key, location, shipping, product) in each store")
  const setups = []
  for (const store of both) {
    await store.quiet("after boot")
    setups.push(await setUpShop(store, variants))
  }
  const shops = both.map((store, i) => store.storefront(setups[i].publishable_key))
  const results = {}
  try {
    if (plain) {
      log(
        `checkout: ${config.checkoutWarmup} warm-up + ${config.checkouts} measured checkouts per side, ` +
          "alternating blocks (Stockroom, plain Medusa)"
      )
      results.checkout = await measureCheckoutOverhead({
        sides: both.map((store, i) => ({ store, setup: setups[i], shop: shops[i] })),
        warmup: config.checkoutWarmup,
        samples: config.checkouts,
        log,
      })
      // The backorder runs need the machine to themselves.
      await plain.stop()
    }
    if (groups.has("backorders")) {
      const [small, large] = config.backorders
      results.fill = []
      for (const [key, size] of [["small", small], ["large", large]]) {
        log(
          `backorders: placing ${size.orders} orders × ${size.lines} lines × ${size.unitsPerLine} units ` +
            `(${size.units} units) through the store API, ${config.orderConcurrency} in flight`
        )
        const placed = await placeBackorders(shops[0], setups[0], {
          key,
          orders: size.orders,
          lines: size.lines,
          quantity: size.unitsPerLine,
          concurrency: config.orderConcurrency,
          log,
        })
        await withPlugin.quiet("after placing orders")
        log(`backorders: one receipt of +${size.units} filling ${size.units} backordered units`)
        const fill = await timeBackorderFill(withPlugin, setups[0], { key, units: size.units })
        results.fill.push({ ...size, ...fill, placingSeconds: placed.seconds })
      }
    }
  } finally {
    shops.forEach((shop) => shop.close())
  }
  await Promise.all(both.map((store) => store.close()))
  return results
}

function unitsRows(u) {
  const ms = (v) => `${v.toFixed(1)} ms`
  const s = (v) => `${v.toFixed(2)} s`
  const thousands = (n) => n.toLocaleString("en-US")
  const rows = []
  if (u.checkout) {
    const [sr, plain] = u.checkout
    rows.push(
      {
        metric: "checkout (add + complete), median",
        stockroom: ms(sr.median),
        medusa: ms(plain.median),
        ratio: sr.median / plain.median,
        goal: "≤ 1.15×",
        met: sr.median / plain.median <= 1.15,
      },
      {
        metric: "checkout (add + complete), p95",
        stockroom: ms(sr.p95),
        medusa: ms(plain.p95),
        ratio: sr.p95 / plain.p95,
      }
    )
  }
  if (u.fill) {
    const [small, large] = u.fill
    for (const f of u.fill) {
      rows.push({
        metric: `backorder fill, ${thousands(f.units)} units (1 receipt)`,
        stockroom: ms(f.seconds * 1000),
      })
    }
    rows.push({
      metric: `same receipts, nothing to fill (${thousands(small.units)} / ${thousands(large.units)})`,
      stockroom: `${(small.baselineSeconds * 1000).toFixed(1)} / ${ms(large.baselineSeconds * 1000)}`,
    })
    const growth = large.seconds / small.seconds
    const expected = large.units / small.units
    rows.push({
      metric: `fill growth ${thousands(large.units)} / ${thousands(small.units)}`,
      stockroom: `${growth.toFixed(1)}×`,
      goal: `~${expected.toFixed(0)}× = linear`,
    })
  }
  return rows
}

function unitsDetails(u) {
  let ok = true
  const ms = (v) => `${v.toFixed(1)} ms`
  const s = (v) => `${v.toFixed(2)} s`
  console.log("")
  console.log("Inventory units")
  if (u.checkout) {
    const [sr, plain] = u.checkout
    console.log(
      `  checkout: ${sr.n} per side after ${config.checkoutWarmup} warm-up checkouts; timed = ` +
        "POST /store/carts/:id/line-items + POST /store/carts/:id/complete (cart, shipping method, " +
        "payment collection and session in between, untimed); 1 unit of an in-stock variant, a new guest each"
    )
    for (const [side, r] of [["Stockroom", sr], ["plain Medusa", plain]]) {
      console.log(
        `    ${side.padEnd(13)} median add to cart ${ms(r.addMedian)}, complete ${ms(r.completeMedian)}, ` +
          `whole checkout (6 requests) ${ms(r.totalMedian)}`
      )
    }
  }
  if (u.fill) {
    for (const f of u.fill) {
      const line =
        `  ${f.allOnHand && f.audit.ok ? "ok  " : "FAIL"} fill ${f.units} units ` +
        `(${f.orders} orders × ${f.lines} lines × ${f.unitsPerLine}, ${f.unitRows} unit rows; ` +
        `placed in ${s(f.placingSeconds)}): ` +
        `receipt answered in ${ms(f.seconds * 1000)} (${ms(f.baselineSeconds * 1000)} with nothing to fill) with ` +
        `${f.filledAtResponse} on_hand, store idle after ` +
        `${s(f.busyFor)}; afterwards ${f.onHand} on_hand ${JSON.stringify(f.after)}, audit ok=${f.audit.ok} ` +
        `(${f.audit.checked} stock items)`
      if (f.allOnHand && f.audit.ok && f.filledAtResponse === f.units) {
        console.log(line)
      } else {
        ok = false
        console.error(line)
        for (const problem of f.audit.ok ? [] : f.audit.problems.slice(0, 10)) {
          console.error(`         ${problem.message}`)
        }
        if (f.filledAtResponse !== f.units) {
          console.error(`         only ${f.filledAtResponse} of ${f.units} units were on_hand when the receipt answered`)
        }
      }
    }
  }
  return ok
}

/**
 * The storefront group: two fresh stores, bench/store with
 * show_zero_stock_products off and bench/store-plain, both running, each
 * set up through the admin API (setUpShop: one product with a stocked
 * variant for add to cart) and then given the same catalogue by `medusa
 * exec` (seed-storefront-products.js): BENCH_LISTING_PRODUCTS published
 * products in the channel, every other one stocked.
 */
async function storefrontGroup() {
  const total = config.listingProducts
  const stockedSeeded = Math.floor((total + 1) / 2)
  const withPlugin = newStore("Stockroom", storeDir, "_storefront", {
    STOCKROOM_BENCH_OPTIONS: JSON.stringify({ show_zero_stock_products: false }),
  })
  const plain = newStore("plain Medusa", plainStoreDir, "_storefront_plain")
  const both = [withPlugin, plain]
  await Promise.all(both.map((store) => store.prepare()))
  await Promise.all(both.map((store) => store.start()))
  log("storefront: setting up the shop (region, channel, key, location, shipping, product) in each store")
  const setups = []
  for (const store of both) {
    await store.quiet("after boot")
    setups.push(await setUpShop(store, [{ key: "checkout", stocked: 1000000 }]))
  }
  log(`storefront: seeding ${total} products (${stockedSeeded} stocked) in each store (medusa exec, both at once)`)
  const seedStarted = Date.now()
  await Promise.all(
    both.map((store, i) =>
      store.exec(`seeding the catalogue (${store.label})`, path.join(storeDir, "seed-storefront-products.js"), [
        setups[i].sales_channel_id,
        setups[i].location_id,
        setups[i].shipping_profile_id,
        total,
        stockedSeeded,
      ])
    )
  )
  const seedSeconds = (Date.now() - seedStarted) / 1000
  await Promise.all(both.map((store) => store.quiet("after seeding the catalogue")))
  // What each store should list: every product in the channel (setUpShop's
  // own product included), and of those the ones with stock.
  const expected = []
  for (const store of both) {
    const { rows } = await store.db.query(
      `SELECT COUNT(*)::int AS total,
              COUNT(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM product_variant v
                  JOIN product_variant_inventory_item pvii ON pvii.variant_id = v.id AND pvii.deleted_at IS NULL
                  JOIN inventory_level l ON l.inventory_item_id = pvii.inventory_item_id AND l.deleted_at IS NULL
                 WHERE v.product_id = p.id AND v.deleted_at IS NULL
                   AND l.stocked_quantity - l.reserved_quantity > 0))::int AS stocked
         FROM product p
         JOIN product_sales_channel psc ON psc.product_id = p.id AND psc.deleted_at IS NULL
        WHERE p.deleted_at IS NULL AND p.status = 'published' AND psc.sales_channel_id = $1`,
      [setups[both.indexOf(store)].sales_channel_id]
    )
    expected.push(rows[0])
  }
  const shops = both.map((store, i) => store.storefront(setups[i].publishable_key))
  const sides = both.map((store, i) => ({ store, setup: setups[i], shop: shops[i] }))
  const results = { expected, seedSeconds, total, stockedSeeded }
  try {
    log(
      `storefront: listing, ${config.listingWarmup} warm-up + ${config.listings} measured GET ${LISTING_PATH} ` +
        "per side, alternating blocks (Stockroom, plain Medusa)"
    )
    results.listing = await measureListing({
      sides,
      warmup: config.listingWarmup,
      samples: config.listings,
      log,
    })
    log(`storefront: add to cart, ${config.addWarmup} warm-up + ${config.adds} measured per side, alternating blocks`)
    results.add = await measureAddToCart({ sides, warmup: config.addWarmup, samples: config.adds, log })
  } finally {
    shops.forEach((shop) => shop.close())
  }
  await Promise.all(both.map((store) => store.close()))
  return results
}

function storefrontRows(r) {
  const ms = (v) => `${v.toFixed(1)} ms`
  const [srList, plainList] = r.listing
  const [srAdd, plainAdd] = r.add
  const count = (side) => side.counts.join(" / ")
  return [
    {
      metric: "product listing (zero stock hidden), median",
      stockroom: ms(srList.median),
      medusa: ms(plainList.median),
      ratio: srList.median / plainList.median,
      goal: "≤ 1.3×",
      met: srList.median / plainList.median <= 1.3,
    },
    {
      metric: "product listing (zero stock hidden), p95",
      stockroom: ms(srList.p95),
      medusa: ms(plainList.p95),
      ratio: srList.p95 / plainList.p95,
      goal: "≤ 1.3×",
      met: srList.p95 / plainList.p95 <= 1.3,
    },
    {
      metric: "product listing, count returned",
      stockroom: count(srList),
      medusa: count(plainList),
      ratio: srList.counts[0] / plainList.counts[0],
    },
    {
      metric: "add to cart, median",
      stockroom: ms(srAdd.median),
      medusa: ms(plainAdd.median),
      ratio: srAdd.median / plainAdd.median,
      goal: "≤ 1.15×",
      met: srAdd.median / plainAdd.median <= 1.15,
    },
    {
      metric: "add to cart, p95",
      stockroom: ms(srAdd.p95),
      medusa: ms(plainAdd.p95),
      ratio: srAdd.p95 / plainAdd.p95,
    },
  ]
}

function storefrontDetails(r) {
  const [srList, plainList] = r.listing
  const [srExpected, plainExpected] = r.expected
  console.log("")
  console.log("Storefront")
  console.log(
    `  catalogue: ${r.total} seeded products per store (${r.stockedSeeded} stocked, the rest 0 in stock) plus ` +
      `the shop's own stocked product, seeded in ${r.seedSeconds.toFixed(0)} s (both stores at once); ` +
      `Stockroom with show_zero_stock_products: false`
  )
  console.log(
    `  listing: GET ${LISTING_PATH} (default limit; ${srList.page} / ${plainList.page} products on the page), ` +
      `${srList.n} per side after ${config.listingWarmup} warm-up; add to cart: POST /store/carts/:id/line-items ` +
      `(1 unit of a variant with 1,000,000 in stock, a new cart each, created untimed), ${r.add[0].n} per side ` +
      `after ${config.addWarmup} warm-up`
  )
  const checks = [
    ["Stockroom lists exactly the stocked products", srList.counts, srExpected.stocked],
    ["plain Medusa lists every product", plainList.counts, plainExpected.total],
  ]
  let ok = true
  for (const [what, counts, want] of checks) {
    const exact = counts.length === 1 && counts[0] === want
    const line = `  ${exact ? "ok  " : "FAIL"} ${what}: count ${counts.join(" / ")}, expected ${want}`
    if (exact) {
      console.log(line)
    } else {
      ok = false
      console.error(line)
    }
  }
  return ok
}

/**
 * The store as two servers + a worker, then as one process, on one fresh
 * database and Redis database (scripts/lib/scale-store.js): movements and
 * checkouts per second in each topology.
 */
async function scaleGroup() {
  const items = Array.from({ length: config.scaleItems }, (_, i) => `m${i + 1}`)
  const store = new ScaleStore({ servers: 2, suffix: "-bench", log: (m) => log(`scale: ${m}`) })
  scaleStores.push(store)
  await store.prepare()
  await store.start()
  const admin = new (require("./lib/admin-client").AdminClient)(store.serverUrls[0])
  await admin.login(SCALE_ADMIN.email, SCALE_ADMIN.password)
  log("scale: setting up the shop through the admin API")
  const setup = await setUpShop(
    { client: admin, db: store.db, quiet: () => store.drained() },
    [{ key: "checkout", stocked: 1000000 }, ...items.map((key) => ({ key, stocked: 0 }))]
  )
  admin.close()
  const measure = (label) =>
    measureTopology(store, setup, {
      admin: SCALE_ADMIN,
      label,
      clients: config.scaleClients,
      customers: config.scaleCustomers,
      checkouts: config.scaleCheckouts,
      seconds: config.scaleSeconds,
      items,
      log: (m) => log(`scale: ${m}`),
    })
  // Rounds alternate which topology goes first, so a change in the
  // machine's load (other test runs share it) hits both alike.
  const runs = { two: [], one: [] }
  let running = "two"
  for (let round = 0; round < config.scaleRounds; round++) {
    const order = round % 2 ? ["one", "two"] : ["two", "one"]
    for (const topology of order) {
      if (topology !== running) {
        log(`scale: restarting the same store as ${topology === "two" ? "2 servers + worker" : "one process (workerMode shared)"}`)
        await store.restart({ servers: topology === "two" ? 2 : 0 })
        running = topology
      }
      runs[topology].push(await measure(topology === "two" ? "2 servers + worker" : "1 process"))
    }
  }
  const results = { two: combineRuns(runs.two), one: combineRuns(runs.one), logDir: store.logDir }
  const exact = results.two.exact && results.one.exact
  await store.close({ keepLogs: !exact })
  scaleStores.splice(scaleStores.indexOf(store), 1)
  return results
}

/** One topology's rounds as one result: successes and seconds added up. */
function combineRuns(runs) {
  const add = (key) => {
    const total = { ok: 0, seconds: 0, failures: new Map() }
    for (const run of runs) {
      total.ok += run[key].ok
      total.seconds += run[key].seconds
      for (const [reason, count] of run[key].failures) {
        total.failures.set(reason, (total.failures.get(reason) ?? 0) + count)
      }
    }
    return { ...total, perSecond: total.ok / total.seconds }
  }
  return {
    label: runs[0].label,
    rounds: runs.length,
    movements: add("movements"),
    checkouts: add("checkouts"),
    checks: runs.flatMap((run, i) => run.checks.map((check) => ({ ...check, what: `round ${i + 1}: ${check.what}` }))),
    audits: runs.map((run) => run.audit),
    exact: runs.every((run) => run.exact),
  }
}

function scaleReport({ two, one, logDir }) {
  const perSecond = (v, unit) => `${v.toFixed(1)} ${unit}/s`
  console.log("")
  console.log(
    `Scale: the store as 2 servers + 1 worker against 1 process (workerMode shared), same database, ` +
      `Redis event bus, workflow engine and locking in both`
  )
  printTable(
    [
      {
        metric: `movements, ${config.scaleClients} clients over ${config.scaleItems} stock items`,
        two: perSecond(two.movements.perSecond, "mov"),
        one: perSecond(one.movements.perSecond, "mov"),
        ratio: two.movements.perSecond / one.movements.perSecond,
      },
      {
        metric: `checkouts, ${config.scaleCheckouts} by ${config.scaleCustomers} customers at once`,
        two: perSecond(two.checkouts.perSecond, "orders"),
        one: perSecond(one.checkouts.perSecond, "orders"),
        ratio: two.checkouts.perSecond / one.checkouts.perSecond,
      },
    ],
    [
      ["metric", "metric"],
      ["two", "2 servers + worker"],
      ["one", "1 process"],
      ["ratio", "ratio"],
    ]
  )
  console.log(
    `  movements for ${config.scaleSeconds} s, checkouts until the last is placed, each after a short warm-up; ` +
      "requests round-robin over the processes serving HTTP; a checkout = cart, shipping method, " +
      "payment collection and session, complete (1 unit of a variant with 1,000,000 in stock)"
  )
  let ok = true
  for (const side of [two, one]) {
    for (const [what, result] of [["movements", side.movements], ["checkouts", side.checkouts]]) {
      const failed = [...result.failures.values()].reduce((a, b) => a + b, 0)
      console.log(
        `  ${side.label}, ${what}: ${result.ok} succeeded, ${failed} failed in ${result.seconds.toFixed(1)} s ` +
          `(${side.rounds} round${side.rounds > 1 ? "s" : ""})`
      )
      for (const [reason, count] of result.failures) {
        console.log(`    ${count} × ${reason}`)
      }
    }
    for (const check of side.checks) {
      const line = `  ${check.exact ? "ok  " : "FAIL"} ${side.label}: ${check.what} changed by ${check.change}, expected ${check.expected}`
      check.exact ? console.log(line) : console.error(line)
    }
    side.audits.forEach((audit, i) => {
      const auditLine = `  ${audit.ok ? "ok  " : "FAIL"} ${side.label}: round ${i + 1}: audit ok=${audit.ok}, ${audit.checked} stock items checked`
      audit.ok ? console.log(auditLine) : console.error(auditLine)
      for (const problem of audit.ok ? [] : audit.problems.slice(0, 10)) {
        console.error(`         ${problem.message}`)
      }
    })
    ok = ok && side.exact
  }
  if (!ok) {
    console.error(`[bench] scale store logs kept: ${logDir}`)
  }
  return ok
}

main()
  .then(async (ok) => {
    await cleanUp()
    if (ok) {
      fs.rmSync(runDir, { recursive: true, force: true })
    } else {
      console.error(`[bench] store log kept: ${logFile}`)
    }
    process.exit(ok ? 0 : 1)
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
