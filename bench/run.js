#!/usr/bin/env node
/**
 * npm run bench: builds the plugin, boots stores on fresh databases, and
 * measures Stockroom against Medusa's own equivalent in the same run (see
 * bench/README.md). Prints ratios; never asserts a speed. Exits non-zero
 * only when something broke, the ledger lost a unit or a backorder fill
 * left a unit behind.
 *
 * Groups (all by default; `npm run bench -- --only=units` or
 * `--only=ledger,checkout`), one file each in bench/groups/: ledger
 * (movement latency, hot item, location propagation), checkout (a checkout
 * with and without the plugin), backorders (one receipt filling 1,000 /
 * 10,000 backordered units), storefront (the product listing with
 * zero-stock products hidden, and add to cart, with and without the
 * plugin), scale (movements and checkouts per second on two servers + a
 * worker against one process, both on Redis; needs Redis at REDIS_URL,
 * redis://localhost:6379 by default, left out of a full run with a note
 * when none answers), ledger-scale (the ledger list, CSV export and audit
 * with 2,000,000 movements), holds (a checkout with checkout holds on
 * against off), bulk (10,000 absolute levels against Medusa's level
 * batch, 10,000 movements in one batch against single calls), incoming
 * (the backorder queue with and without ETAs over 10,000 backordered
 * units, and receiving purchase orders that fill them); `units` =
 * checkout + backorders.
 *
 * Environment: DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD (default
 * localhost:5432, user postgres; an embedded PostgreSQL when none answers)
 * and the knobs in bench/lib/config.js.
 */
const path = require("path")
const { redisAnswers, redisUrl } = require("../scripts/lib/redis")
const { BenchRun } = require("./lib/bench-run")
const { readConfig } = require("./lib/config")
const { run } = require("./lib/processes")
const { medusaBin } = require("./lib/store")
const { printTable } = require("./lib/table")
const ledger = require("./groups/ledger")
const units = require("./groups/units")
const storefront = require("./groups/storefront")
const scale = require("./groups/scale")
const notifications = require("./groups/notifications")
const ledgerScale = require("./groups/ledger-scale")
const holds = require("./groups/holds")
const bulk = require("./groups/bulk")
const incoming = require("./groups/incoming")

const GROUPS = [
  "ledger",
  "checkout",
  "backorders",
  "storefront",
  "scale",
  "notifications",
  "ledger-scale",
  "holds",
  "bulk",
  "incoming",
]
const ALIASES = { units: ["checkout", "backorders"], all: GROUPS }
const onlyArgument = process.argv.slice(2).find((arg) => arg.startsWith("--only="))

function parseGroups(only) {
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
const groups = parseGroups(onlyArgument)
const bench = new BenchRun(readConfig())
const { log } = bench

let signaled = false
function onSignal(signal) {
  if (signaled) {
    return
  }
  signaled = true
  log(`${signal}: stopping…`)
  bench.cleanUp().finally(() => {
    bench.removeLogs()
    process.exit(130)
  })
}

/** The group modules to run, in order; checkout and backorders run as one (they share stores). */
function chooseGroups() {
  return [
    groups.has("ledger") && ledger,
    (groups.has("checkout") || groups.has("backorders")) && units,
    groups.has("storefront") && storefront,
    groups.has("scale") && scale,
    groups.has("notifications") && notifications,
    groups.has("ledger-scale") && ledgerScale,
    groups.has("holds") && holds,
    groups.has("bulk") && bulk,
    groups.has("incoming") && incoming,
  ].filter(Boolean)
}

/**
 * Whether Redis answers for the scale group, asked when its turn comes: a
 * full run leaves the group out with a note, an explicit --only fails.
 */
async function redisForScale() {
  if (await redisAnswers(redisUrl())) {
    return true
  }
  if (onlyArgument) {
    throw new Error(`the scale group needs Redis; none answers at ${redisUrl()} (set REDIS_URL)`)
  }
  log(`scale group left out: no Redis answers at ${redisUrl()} (set REDIS_URL)`)
  return false
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
  log(`store log: ${bench.logFile}`)
  log("building the plugin (npm run build)")
  await run("npm run build", "npm", ["run", "build"], { cwd: path.resolve(__dirname, ".."), logFile: bench.logFile })
  await bench.startPostgres()

  const done = []
  for (const group of chooseGroups()) {
    if (group === scale && !(await redisForScale())) {
      continue
    }
    done.push({ group, results: await group.run(bench, groups) })
  }
  // One table for every group but scale, which prints its own in its details.
  const rows = done.flatMap(({ group, results }) => group.rows?.(results, bench.config) ?? [])
  if (rows.length) {
    console.log("")
    printTable(rows)
  }
  let ok = true
  for (const { group, results } of done) {
    ok = group.details(results, bench.config) && ok
  }
  log(`done in ${bench.elapsedSeconds} s`)
  return ok
}

main()
  .then(async (ok) => {
    await bench.cleanUp()
    if (ok) {
      bench.removeLogs()
    } else {
      console.error(`[bench] store log kept: ${bench.logFile}`)
    }
    process.exit(ok ? 0 : 1)
  })
  .catch(async (err) => {
    if (signaled) {
      // Requests cut off by the stop; onSignal finishes and exits.
      return
    }
    console.error(`[bench] ${err.stack || err.message}`)
    console.error(`[bench] store log: ${bench.logFile}`)
    await bench.cleanUp()
    process.exit(1)
  })
