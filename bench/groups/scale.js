/**
 * The scale group: the store as two servers + a worker, then as one
 * process, on one fresh database and Redis database
 * (scripts/lib/scale-store.js): movements and checkouts per second in each
 * topology (scenarios/scale-throughput.js). Prints its own table.
 */
const { ADMIN } = require("../../scripts/lib/scale-store")
const { AdminClient } = require("../lib/admin-client")
const { setUpShop } = require("../lib/storefront")
const { printTable } = require("../lib/table")
const { perSecond, mark, printCheck, auditProblemLines, printLoadOutcome } = require("../lib/report")
const { measureTopology } = require("../scenarios/scale-throughput")

const TOPOLOGY_LABELS = { two: "2 servers + worker", one: "1 process" }

/** @param {import("../lib/bench-run").BenchRun} bench */
async function run(bench) {
  const { config } = bench
  const log = (message) => bench.log(`scale: ${message}`)
  const items = Array.from({ length: config.scaleItems }, (_, i) => `m${i + 1}`)
  const store = bench.newScaleStore({ servers: 2, suffix: "-bench", log })
  await store.prepare()
  await store.start()
  const admin = new AdminClient(store.serverUrls[0])
  await admin.login(ADMIN.email, ADMIN.password)
  log("setting up the shop through the admin API")
  const setup = await setUpShop(
    { client: admin, db: store.db, quiet: () => store.drained() },
    [{ key: "checkout", stocked: 1000000 }, ...items.map((key) => ({ key, stocked: 0 }))]
  )
  admin.close()
  const measure = (topology) =>
    measureTopology(store, setup, {
      admin: ADMIN,
      label: TOPOLOGY_LABELS[topology],
      clients: config.scaleClients,
      customers: config.scaleCustomers,
      checkouts: config.scaleCheckouts,
      seconds: config.scaleSeconds,
      items,
      log,
    })
  // Rounds alternate which topology goes first, so a change in the
  // machine's load (other test runs share it) hits both alike.
  const runs = { two: [], one: [] }
  let running = "two"
  for (let round = 0; round < config.scaleRounds; round++) {
    const order = round % 2 ? ["one", "two"] : ["two", "one"]
    for (const topology of order) {
      if (topology !== running) {
        log(`restarting the same store as ${topology === "two" ? "2 servers + worker" : "one process (workerMode shared)"}`)
        await store.restart({ servers: topology === "two" ? 2 : 0 })
        running = topology
      }
      runs[topology].push(await measure(topology))
    }
  }
  const results = { two: combineRuns(runs.two), one: combineRuns(runs.one), logDir: store.logDir }
  await bench.closeScaleStore(store, { keepLogs: !(results.two.exact && results.one.exact) })
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

/** The group's own table and its checks; false when a check failed. */
function details({ two, one, logDir }, config) {
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
    [["metric", "metric"], ["two", TOPOLOGY_LABELS.two], ["one", TOPOLOGY_LABELS.one], ["ratio", "ratio"]]
  )
  console.log(
    `  movements for ${config.scaleSeconds} s, checkouts until the last is placed, each after a short warm-up; ` +
      "requests round-robin over the processes serving HTTP; a checkout = cart, shipping method, " +
      "payment collection and session, complete (1 unit of a variant with 1,000,000 in stock)"
  )
  let ok = true
  for (const side of [two, one]) {
    for (const [what, result] of [["movements", side.movements], ["checkouts", side.checkouts]]) {
      printLoadOutcome(`${side.label}, ${what}`, result, ` (${side.rounds} round${side.rounds > 1 ? "s" : ""})`)
    }
    for (const check of side.checks) {
      printCheck(
        check.exact,
        `  ${mark(check.exact)} ${side.label}: ${check.what} changed by ${check.change}, expected ${check.expected}`
      )
    }
    side.audits.forEach((audit, i) => {
      printCheck(
        audit.ok,
        `  ${mark(audit.ok)} ${side.label}: round ${i + 1}: audit ok=${audit.ok}, ${audit.checked} stock items checked`
      )
      auditProblemLines(audit).forEach((line) => console.error(line))
    })
    ok = ok && side.exact
  }
  if (!ok) {
    console.error(`[bench] scale store logs kept: ${logDir}`)
  }
  return ok
}

module.exports = { run, details }
