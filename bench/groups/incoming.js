/**
 * The incoming group (DESIGN.md section 9): in the store with Stockroom,
 * 10,000 backordered units and 200 incoming batches (purchase-order lines
 * and the lines of a transfer in transit, with different expected dates),
 * then
 *
 * - the backorder queue, `GET /admin/backorders?limit=50`, with the ETAs
 *   (`expected_at`, `queue_position`) against the same page with a `fields`
 *   selection that leaves them out (the route then skips the ETA query),
 *   alternating; every ETA of the page is checked against the same ETAs
 *   computed in full by the bench's own SQL (every queue ranked whole);
 * - receiving a 50-line purchase order that fills 500 backordered units,
 *   then a 500-line one that fills 5,000: the receive request's time and the
 *   growth between the two.
 *
 * The backorders are seeded with `medusa exec bench/store/seed-backorders.js`
 * (Medusa orders and reservations, Stockroom's units and `allocated`
 * movements, the path of an order placed outside checkout); the incoming
 * batches through the admin API. Checked: the ETAs, every unit of the
 * received items on_hand afterwards, and the audit after the seeding and at
 * the end; a miss exits 1.
 */
const fs = require("fs")
const path = require("path")
const { openShops } = require("../lib/storefront")
const { STORE_DIR } = require("../lib/store")
const { median, p95 } = require("../lib/stats")
const { comparisonRow } = require("../lib/table")
const { ms, seconds, thousands, mark, printCheck, auditProblemLines } = require("../lib/report")

const PAGE = 50
const BATCH_QUANTITY = 15
const RECEIPT_UNITS = 10
// Every order line backorders this many units: one unit row per line.
const UNITS_PER_LINE = 5
// The backorder list's default fields (src/api/admin/inventory-units/query-config.ts) without the ETAs.
const FIELDS_WITHOUT_ETAS = [
  "id", "order_id", "line_item_id", "variant_id", "inventory_item_id", "location_id", "state", "quantity",
  "fulfillment_id", "shipped_at", "return_id", "return_authorization_id", "ordered_at", "created_at", "updated_at",
  "order", "variant",
]

/** Knobs: BENCH_ETA_ITEMS × BENCH_ETA_ORDERS lines of 5 backordered units at the head of the queue, BENCH_ETA_SAMPLES. */
function incomingConfig(env = process.env) {
  const number = (name, fallback) => {
    const value = Number(env[name] ?? fallback)
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`${name} must be a positive whole number`)
    }
    return value
  }
  return {
    etaItems: number("BENCH_ETA_ITEMS", 20),
    etaOrders: number("BENCH_ETA_ORDERS", 45),
    samples: number("BENCH_ETA_SAMPLES", 100),
    warmup: number("BENCH_ETA_WARMUP", 20),
    small: 50,
    large: 500,
  }
}

async function itemIds(db, key) {
  const { rows } = await db.query(
    "SELECT id FROM inventory_item WHERE sku LIKE $1 AND deleted_at IS NULL ORDER BY sku",
    [`BENCH-BO-${key.toUpperCase()}-%`]
  )
  return rows.map((row) => row.id)
}

async function unitStates(db, ids, location_id) {
  const { rows } = await db.query(
    `SELECT state, count(*)::int AS rows, sum(quantity)::int AS quantity FROM inventory_unit
      WHERE inventory_item_id = ANY($1) AND location_id = $2 AND deleted_at IS NULL GROUP BY state`,
    [ids, location_id]
  )
  return Object.fromEntries(rows.map((r) => [r.state, { rows: r.rows, quantity: r.quantity }]))
}

/**
 * The ETAs of the given units as DESIGN.md section 9 defines them, the long
 * way: every backordered queue ranked whole, every incoming batch walked.
 */
async function etasInFull(db, unitIds) {
  const { rows } = await db.query(
    `WITH queue AS (
       SELECT id, inventory_item_id, location_id, quantity,
              SUM(quantity) OVER (PARTITION BY inventory_item_id, location_id ORDER BY ordered_at, id) AS through
         FROM inventory_unit WHERE state = 'backordered' AND deleted_at IS NULL
     ),
     batches AS (
       SELECT inventory_item_id, location_id, expected_at, outstanding,
              SUM(outstanding) OVER (PARTITION BY inventory_item_id, location_id
                                     ORDER BY expected_at NULLS LAST, batch_id) AS covered_through
         FROM (SELECT i.id AS batch_id, i.inventory_item_id, po.location_id, po.expected_at,
                      i.quantity - i.received_quantity - i.rejected_quantity AS outstanding
                 FROM purchase_order_item i JOIN purchase_order po ON po.id = i.purchase_order_id
                WHERE po.state IN ('ordered', 'partially_received')
               UNION ALL
               SELECT ti.id, ti.inventory_item_id, t.destination_location_id, t.expected_at,
                      ti.quantity - ti.received_quantity - ti.rejected_quantity
                 FROM stock_transfer_item ti JOIN stock_transfer t ON t.id = ti.transfer_id
                WHERE t.state = 'in_transit') b
        WHERE outstanding > 0
     )
     SELECT q.id, (q.through - q.quantity + 1)::int AS queue_position, b.expected_at
       FROM queue q
       LEFT JOIN batches b ON b.inventory_item_id = q.inventory_item_id AND b.location_id = q.location_id
        AND q.through > b.covered_through - b.outstanding AND q.through <= b.covered_through
      WHERE q.id = ANY($1)`,
    [unitIds]
  )
  return new Map(rows.map((row) => [row.id, { queue_position: row.queue_position, expected_at: row.expected_at ?? null }]))
}

/** A date `days` from today, YYYY-MM-DD. */
function inDays(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10)
}

/**
 * 200 incoming batches on the ETA items by default: BENCH_ETA_ITEMS lines on
 * each of 9 purchase orders (8 dated a week apart, the last undated) and on
 * one transfer in transit from a second location (dated between them).
 */
async function createIncomingBatches(store, setup, etaIds) {
  const admin = store.client
  const { stock_location } = await admin.ok("POST", "/admin/stock-locations", { name: "Bench supplier dock" })
  await store.quiet("after the second location")
  for (const inventory_item_id of etaIds) {
    await admin.ok("POST", "/admin/stock-movements", {
      inventory_item_id,
      location_id: stock_location.id,
      quantity: BATCH_QUANTITY,
    })
  }
  const orders = []
  for (let n = 0; n < 9; n++) {
    const { purchase_order } = await admin.ok("POST", "/admin/purchase-orders", {
      supplier: `Bench supplier ${n + 1}`,
      location_id: setup.location_id,
      expected_at: n < 8 ? inDays(7 * (n + 1)) : null,
      ordered: true,
      items: etaIds.map((inventory_item_id) => ({ inventory_item_id, quantity: BATCH_QUANTITY })),
    })
    orders.push(purchase_order.id)
  }
  await admin.ok("POST", "/admin/stock-transfers", {
    source_location_id: stock_location.id,
    destination_location_id: setup.location_id,
    in_transit: true,
    expected_at: inDays(10),
    items: etaIds.map((inventory_item_id) => ({ inventory_item_id, quantity: BATCH_QUANTITY })),
  })
  await store.quiet("after the incoming batches")
  return { batches: etaIds.length * 10, orders }
}

/** One page of the queue; throws unless it answers 200 with a full page. */
async function listPage(admin, query) {
  const response = await admin.request("GET", `/admin/backorders?limit=${PAGE}${query}`)
  if (response.status !== 200 || response.body.backorders?.length !== PAGE) {
    throw new Error(`GET /admin/backorders${query} → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
  }
  return response
}

/** The page with ETAs and without, alternating which goes first; medians and p95s (ms). */
async function timeBackorderList(store, { warmup, samples }, log) {
  const withoutEtas = `&fields=${FIELDS_WITHOUT_ETAS.join(",")}`
  const times = { with: [], without: [] }
  let page
  for (let i = 0; i < warmup + samples; i++) {
    const order = i % 2 ? ["without", "with"] : ["with", "without"]
    for (const side of order) {
      const response = await listPage(store.client, side === "with" ? "" : withoutEtas)
      if (side === "with") {
        page = response.body
      } else if (response.body.backorders.some((row) => "expected_at" in row || "queue_position" in row)) {
        throw new Error("GET /admin/backorders with fields leaving the ETAs out still answered them")
      }
      if (i >= warmup) {
        times[side].push(response.ms)
      }
    }
    if (i + 1 === warmup) {
      log(`incoming: ${samples} measured pages per side`)
    }
  }
  const stats = (values) => ({ median: median(values), p95: p95(values) })
  return { with: stats(times.with), without: stats(times.without), page }
}

/** A purchase order of `ids` × RECEIPT_UNITS, ordered, then ONE receipt of all of it (timed). */
async function timeReceipt(store, setup, ids) {
  const admin = store.client
  const before = await unitStates(store.db, ids, setup.location_id)
  const { purchase_order } = await admin.ok("POST", "/admin/purchase-orders", {
    supplier: `Bench supplier, ${ids.length} lines`,
    location_id: setup.location_id,
    ordered: true,
    items: ids.map((inventory_item_id) => ({ inventory_item_id, quantity: RECEIPT_UNITS })),
  })
  await store.quiet("after ordering")
  const since = process.hrtime.bigint()
  const response = await admin.request("POST", `/admin/purchase-orders/${purchase_order.id}/receive`, {
    items: ids.map((inventory_item_id) => ({ inventory_item_id, accepted: RECEIPT_UNITS })),
  })
  if (response.status !== 200) {
    throw new Error(`receive ${ids.length} lines → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
  }
  const atResponse = await unitStates(store.db, ids, setup.location_id)
  const busyFor = await store.quiet("after the receipt", since)
  const after = await unitStates(store.db, ids, setup.location_id)
  const units = ids.length * RECEIPT_UNITS
  return {
    lines: ids.length,
    units,
    ms: response.ms,
    busyFor,
    state: response.body.purchase_order?.state,
    backorderedBefore: before.backordered?.quantity ?? 0,
    filledAtResponse: atResponse.on_hand?.quantity ?? 0,
    after,
    allOnHand: after.on_hand?.quantity === units && Object.keys(after).length === 1,
  }
}

async function run(bench) {
  const { log } = bench
  const config = incomingConfig()
  const store = bench.newStore("Stockroom", STORE_DIR, "_incoming")
  const [{ setup, shop }] = await openShops([store], [{ key: "spare", stocked: 0 }], log)
  try {
    const plan = {
      groups: [
        { key: "eta", items: config.etaItems, orders: config.etaOrders, units: UNITS_PER_LINE },
        { key: "large", items: config.large, orders: RECEIPT_UNITS / UNITS_PER_LINE, units: UNITS_PER_LINE },
        { key: "small", items: config.small, orders: RECEIPT_UNITS / UNITS_PER_LINE, units: UNITS_PER_LINE },
      ],
    }
    const units = plan.groups.reduce((sum, g) => sum + g.items * g.orders * g.units, 0)
    const planFile = path.join(bench.runDir, "backorders-plan.json")
    fs.writeFileSync(planFile, JSON.stringify(plan))
    log(
      `incoming: seeding ${thousands(units)} backordered units (${plan.groups
        .map((g) => `${g.items} items × ${g.orders} orders × ${g.units}`)
        .join(", ")}) with medusa exec`
    )
    const seedStarted = Date.now()
    await store.exec("seeding the backorders", path.join(STORE_DIR, "seed-backorders.js"), [
      setup.sales_channel_id,
      setup.location_id,
      setup.shipping_profile_id,
      setup.region_id,
      planFile,
    ])
    const seedSeconds = (Date.now() - seedStarted) / 1000
    await store.quiet("after seeding")
    const ids = Object.fromEntries(await Promise.all(plan.groups.map(async (g) => [g.key, await itemIds(store.db, g.key)])))
    const seeded = await unitStates(store.db, Object.values(ids).flat(), setup.location_id)

    log(`incoming: ${config.etaItems * 10} incoming batches on the ${config.etaItems} items at the head of the queue`)
    const incoming = await createIncomingBatches(store, setup, ids.eta)
    const auditAfterSeed = await store.client.ok("GET", "/admin/stockroom/audit")
    // Freshly seeded tables have no statistics yet (autovacuum analyzes a
    // running store's tables in time): without them PostgreSQL plans the
    // page's queries as if every table held one row.
    await store.db.query("ANALYZE")

    log(`incoming: GET /admin/backorders?limit=${PAGE}, with ETAs and without, ${config.warmup} warm-up pages per side`)
    const list = await timeBackorderList(store, config, log)
    const expected = await etasInFull(store.db, list.page.backorders.map((row) => row.id))
    const wrongEtas = list.page.backorders.filter((row) => {
      const full = expected.get(row.id)
      return !full || full.queue_position !== row.queue_position || full.expected_at !== row.expected_at
    })
    const dated = list.page.backorders.filter((row) => row.expected_at).length

    log(`incoming: receiving a ${config.small}-line purchase order, then a ${config.large}-line one`)
    const small = await timeReceipt(store, setup, ids.small)
    const large = await timeReceipt(store, setup, ids.large)
    const audit = await store.client.ok("GET", "/admin/stockroom/audit")
    return {
      units,
      seeded,
      seedSeconds,
      incoming,
      list,
      listCount: list.page.count,
      wrongEtas,
      dated,
      small,
      large,
      auditAfterSeed,
      audit,
    }
  } finally {
    shop.close()
    await store.close()
  }
}

function rows(result) {
  const { list, small, large } = result
  return [
    comparisonRow(
      `backorders page (${PAGE}) with ETAs / without, median`,
      list.with.median,
      list.without.median,
      ms,
      { atMost: 1.5 }
    ),
    comparisonRow(`backorders page (${PAGE}) with ETAs / without, p95`, list.with.p95, list.without.p95, ms),
    { metric: `receive PO, ${small.lines} lines filling ${thousands(small.units)}`, stockroom: ms(small.ms) },
    { metric: `receive PO, ${large.lines} lines filling ${thousands(large.units)}`, stockroom: ms(large.ms) },
    {
      metric: `receipt growth ${large.lines} / ${small.lines} lines`,
      stockroom: `${(large.ms / small.ms).toFixed(1)}×`,
      goal: `~${(large.lines / small.lines).toFixed(0)}× = linear`,
    },
  ]
}

/** The "Incoming stock" details; false when an ETA was wrong, a unit was left behind or the audit failed. */
function details(result) {
  console.log("")
  console.log("Incoming stock (the ratio column: with ETAs ÷ without)")
  const seededOk = result.seeded.backordered?.quantity === result.units && Object.keys(result.seeded).length === 1
  printCheck(
    seededOk && result.auditAfterSeed.ok,
    `  ${mark(seededOk && result.auditAfterSeed.ok)} seeded ${thousands(result.units)} backordered units ` +
      `${JSON.stringify(result.seeded)} in ${seconds(result.seedSeconds)}, ${result.incoming.batches} incoming batches; ` +
      `audit ok=${result.auditAfterSeed.ok} (${result.auditAfterSeed.checked} stock items)`
  )
  const etasOk = result.wrongEtas.length === 0
  printCheck(
    etasOk,
    `  ${mark(etasOk)} page of ${PAGE} (of ${thousands(result.listCount)} rows): ${result.dated} with a date; ` +
      `${result.wrongEtas.length} differ from the ETAs computed over every queue in full`
  )
  for (const row of result.wrongEtas.slice(0, 5)) {
    console.error(`         ${row.id}: queue_position ${row.queue_position}, expected_at ${row.expected_at}`)
  }
  let ok = seededOk && result.auditAfterSeed.ok && etasOk
  for (const r of [result.small, result.large]) {
    const filled = r.allOnHand && r.filledAtResponse === r.units && r.backorderedBefore === r.units && r.state === "received"
    printCheck(
      filled,
      `  ${mark(filled)} receive ${r.lines} lines × ${RECEIPT_UNITS}: answered in ${ms(r.ms)} (${r.state}) with ` +
        `${r.filledAtResponse} of ${r.backorderedBefore} backordered units on_hand, store idle after ${seconds(r.busyFor)}; ` +
        `afterwards ${JSON.stringify(r.after)}`
    )
    ok = ok && filled
  }
  printCheck(result.audit.ok, `  ${mark(result.audit.ok)} audit at the end: ok=${result.audit.ok} (${result.audit.checked} stock items)`)
  if (!result.audit.ok || !result.auditAfterSeed.ok) {
    auditProblemLines(result.audit.ok ? result.auditAfterSeed : result.audit).forEach((line) => console.error(line))
  }
  return ok && result.audit.ok
}

module.exports = { run, rows, details }
