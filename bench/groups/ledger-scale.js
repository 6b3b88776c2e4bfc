/**
 * The ledger-scale group: a store with the plugin whose ledger holds
 * BENCH_LEDGER_MOVEMENTS (2,000,000) movements, seeded with set-based SQL
 * (scenarios/ledger-seed.js) before the store starts. Measures the ledger
 * list (first page, unfiltered and filtered by stock item, location and
 * kind), the CSV export of the whole ledger (rows per second and the
 * store's peak resident memory while it streams) and the audit. Checks
 * that the list's counts equal the database's, that the export has every
 * movement once, and that the audit is clean. Prints its own table.
 */
const http = require("http")
const { Client } = require("pg")
const { STORE_DIR } = require("../lib/store")
const { groupRssBytes, sleep } = require("../lib/processes")
const { median, p95 } = require("../lib/stats")
const { printTable } = require("../lib/table")
const { ms, seconds, thousands, mark, printCheck, auditProblemLines } = require("../lib/report")
const { seedLedger } = require("../scenarios/ledger-seed")

const RSS_SAMPLE_MS = 100

/** Times `request(i)` warmup + samples times; every response must be 200. */
async function latency(request, { warmup, samples }) {
  const times = []
  for (let i = 0; i < warmup + samples; i++) {
    const response = await request(i)
    if (response.status !== 200) {
      throw new Error(`ledger list → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
    }
    if (i >= warmup) {
      times.push(response.ms)
    }
  }
  return { median: median(times), p95: p95(times), n: times.length }
}

/**
 * Downloads the whole export, counting lines without keeping them, while
 * sampling the store's resident memory.
 */
function exportLedger(store, token) {
  return new Promise((resolve, reject) => {
    const pgid = store.server.pid
    const before = groupRssBytes(pgid)
    let peak = before
    const sampler = setInterval(() => {
      peak = Math.max(peak, groupRssBytes(pgid) ?? 0)
    }, RSS_SAMPLE_MS)
    const started = process.hrtime.bigint()
    let lines = 0
    let bytes = 0
    let firstLine = ""
    const request = http.get(
      {
        host: "localhost",
        port: store.port,
        path: "/admin/stock-movements/export",
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        if (res.statusCode !== 200) {
          clearInterval(sampler)
          reject(new Error(`export → ${res.statusCode}`))
          res.resume()
          return
        }
        res.on("data", (chunk) => {
          bytes += chunk.length
          if (!firstLine) {
            firstLine = chunk.toString("utf8").split("\r\n")[0]
          }
          // Movement rows of the seed hold no quoted line breaks: one line per row.
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
            lines++
          }
        })
        res.on("end", () => {
          clearInterval(sampler)
          const secondsTaken = Number(process.hrtime.bigint() - started) / 1e9
          resolve({ rows: lines - 1, bytes, seconds: secondsTaken, rssBefore: before, rssPeak: peak, header: firstLine })
        })
        res.on("error", reject)
      }
    )
    request.on("error", (err) => {
      clearInterval(sampler)
      reject(err)
    })
  })
}

/** @param {import("../lib/bench-run").BenchRun} bench */
async function run(bench) {
  const { log } = bench
  const movements = Number(process.env.BENCH_LEDGER_MOVEMENTS || 2000000)
  const items = Number(process.env.BENCH_LEDGER_ITEMS || 2500)
  const locations = 4
  const store = bench.newStore("Stockroom", STORE_DIR, "_ledger_scale")
  await store.prepare()

  log(`ledger-scale: seeding ${thousands(movements)} movements over ${thousands(items * locations)} stock items (SQL)`)
  const seedStarted = Date.now()
  const seedDb = new Client({ connectionString: store.url })
  await seedDb.connect()
  let seeded
  try {
    seeded = await seedLedger(seedDb, { movements, items, locations, log: (m) => log(`ledger-scale: ${m}`) })
  } finally {
    await seedDb.end().catch(() => {})
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000

  await store.start()
  await store.quiet("after boot")
  const { client, db } = store
  const sample = { warmup: Number(process.env.BENCH_LEDGER_WARMUP || 20), samples: Number(process.env.BENCH_LEDGER_SAMPLES || 100) }
  const stockItem = (i) => `sitem_bench${String((i * 7919) % seeded.stockItems).padStart(10, "0")}`
  const kinds = ["adjusted", "received", "shipped", "transfer_out"]
  const lists = [
    ["unfiltered", () => "/admin/stock-movements"],
    ["by stock item", (i) => `/admin/stock-movements?stock_item_id=${stockItem(i)}`],
    ["by location", (i) => `/admin/stock-movements?location_id=${seeded.locationIds[i % locations]}`],
    ["by kind", (i) => `/admin/stock-movements?kind=${kinds[i % kinds.length]}`],
  ]
  const results = { movements, stockItems: seeded.stockItems, seedSeconds, lists: [], checks: [] }
  for (const [label, path] of lists) {
    log(`ledger-scale: list ${label}: ${sample.warmup} warm-up + ${sample.samples} measured`)
    results.lists.push({ label, ...(await latency((i) => client.request("GET", path(i)), sample)) })
  }

  // The counts the list reports against the database's own.
  for (const [what, query, where, params] of [
    ["unfiltered", "", "", []],
    ["stock item", `?stock_item_id=${stockItem(3)}`, "AND stock_item_id = $1", [stockItem(3)]],
    ["location", `?location_id=${seeded.locationIds[1]}`, "AND location_id = $1", [seeded.locationIds[1]]],
    ["kind", "?kind=adjusted", "AND kind = $1", ["adjusted"]],
    ["location + kind", `?location_id=${seeded.locationIds[2]}&kind=returned`, "AND location_id = $1 AND kind = $2", [seeded.locationIds[2], "returned"]],
  ]) {
    const body = await client.ok("GET", `/admin/stock-movements${query}`)
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM stock_movement WHERE deleted_at IS NULL ${where}`, params)
    const firstPageOk = body.stock_movements.length === Math.min(50, rows[0].n)
    results.checks.push({ what: `list count, ${what}`, exact: body.count === rows[0].n && firstPageOk, detail: `${body.count} (database ${rows[0].n})` })
  }

  await store.quiet("after the list runs")
  log(`ledger-scale: exporting all ${thousands(movements)} movements as CSV`)
  results.export = await exportLedger(store, client.token)
  results.checks.push({
    what: "export rows",
    exact: results.export.rows === movements && results.export.header.startsWith("id,created_at,"),
    detail: `${thousands(results.export.rows)} (ledger ${thousands(movements)})`,
  })

  await store.quiet("after the export")
  log("ledger-scale: audit, 3 runs")
  results.audits = []
  for (let i = 0; i < 3; i++) {
    const response = await client.request("GET", "/admin/stockroom/audit")
    if (response.status !== 200) {
      throw new Error(`audit → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
    }
    results.audits.push({ ms: response.ms, ...response.body })
    await sleep(200)
  }
  await store.close()
  return results
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** The group's own table and its checks; false when a check failed. */
function details(r) {
  console.log("")
  console.log(
    `Ledger at scale: ${thousands(r.movements)} movements over ${thousands(r.stockItems)} stock items ` +
      `(seeded by SQL in ${seconds(r.seedSeconds)})`
  )
  const rows = [
    ...r.lists.flatMap((list) => [
      { metric: `list ${list.label}, first page, median`, value: ms(list.median) },
      { metric: `list ${list.label}, first page, p95`, value: ms(list.p95) },
    ]),
    { metric: "export, rows/s", value: `${thousands(Math.round(r.export.rows / r.export.seconds))} rows/s` },
    { metric: "export, whole ledger", value: `${seconds(r.export.seconds)} (${mb(r.export.bytes)} of CSV)` },
    { metric: "export, store RSS before → peak", value: `${mb(r.export.rssBefore)} → ${mb(r.export.rssPeak)}` },
    { metric: "audit, median of 3", value: seconds(median(r.audits.map((a) => a.ms)) / 1000) },
  ]
  printTable(rows, [["metric", "metric"], ["value", "Stockroom"]])
  console.log(
    `  list: GET /admin/stock-movements (limit 50, newest first) with the filter, ${r.lists[0].n} samples each, ` +
      "rotating the stock item, location and kind; export: GET /admin/stock-movements/export, every column; " +
      "RSS: the store's processes added up, sampled every 100 ms"
  )
  let ok = true
  for (const check of r.checks) {
    printCheck(check.exact, `  ${mark(check.exact)} ${check.what}: ${check.detail}`)
    ok = ok && check.exact
  }
  r.audits.forEach((audit, i) => {
    printCheck(audit.ok, `  ${mark(audit.ok)} audit ${i + 1}: ok=${audit.ok}, ${audit.checked} stock items checked in ${ms(audit.ms)}`)
    auditProblemLines(audit).forEach((line) => console.error(line))
    ok = ok && audit.ok
  })
  return ok
}

module.exports = { run, details }
