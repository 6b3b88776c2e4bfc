/**
 * The notifications group: a variant with BENCH_SUBSCRIBERS (10,000 by
 * default) back-in-stock subscribers is restocked with one movement. Measures
 * the movement route's latency against the same restock of a variant nobody
 * waits for (the sending is not in the movement's transaction, so it should
 * not differ), and the time until every subscriber's notification exists.
 * Subscriptions are inserted with SQL for the setup; the HTTP route is what
 * the HTTP spec tests.
 */
const path = require("path")
const { openShops } = require("../lib/storefront")
const { median } = require("../lib/stats")
const { ms, seconds, thousands, mark, printCheck } = require("../lib/report")

const STORE_DIR = path.join(__dirname, "..", "store-notifications")
const SAMPLES = 5

async function restock(store, ref, quantity) {
  const started = process.hrtime.bigint()
  const response = await store.client.request("POST", "/admin/stock-movements", { ...ref, quantity })
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`POST /admin/stock-movements (${quantity}) → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
  }
  return elapsed
}

async function sentCount(db, variantId) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS sent, count(DISTINCT idempotency_key)::int AS keys FROM notification
      WHERE channel = 'email' AND trigger_type = 'stockroom.back_in_stock' AND resource_id = $1`,
    [variantId]
  )
  return rows[0]
}

async function run(bench) {
  const { log } = bench
  const subscribers = Number(process.env.BENCH_SUBSCRIBERS || 10000)
  const store = bench.newStore("Stockroom + email", STORE_DIR, "_notify")
  const [{ setup, shop }] = await openShops(
    [store],
    [
      { key: "quiet", stocked: 0 },
      { key: "wanted", stocked: 0 },
    ],
    log
  )
  try {
    const quiet = { inventory_item_id: setup.variants.quiet.inventory_item_id, location_id: setup.location_id }
    const wanted = { inventory_item_id: setup.variants.wanted.inventory_item_id, location_id: setup.location_id }
    const variantId = setup.variants.wanted.variant_id

    log(`notifications: ${SAMPLES} restocks (0 → 5) of a variant nobody waits for`)
    const without = []
    for (let i = 0; i < SAMPLES; i++) {
      without.push(await restock(store, quiet, 5))
      await store.quiet("after a restock")
      await restock(store, quiet, -5)
      await store.quiet("after taking it back")
    }

    log(`notifications: ${thousands(subscribers)} subscriptions on the other variant`)
    await store.db.query(
      `INSERT INTO stock_subscription (id, variant_id, email, sales_channel_id, token)
       SELECT 'ssub_bench_' || i, $1, 'waiting-' || i || '@bench.test', $2, md5(random()::text) || md5(random()::text)
         FROM generate_series(1, $3::int) AS i`,
      [variantId, setup.sales_channel_id, subscribers]
    )

    log("notifications: one restock (0 → 5) of the wanted variant")
    const since = process.hrtime.bigint()
    const withSubscribers = await restock(store, wanted, 5)
    let counts = await sentCount(store.db, variantId)
    const deadline = Date.now() + 10 * 60 * 1000
    while (counts.sent < subscribers && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      counts = await sentCount(store.db, variantId)
    }
    const allSentSeconds = Number(process.hrtime.bigint() - since) / 1e9
    await store.quiet("after the notifications")
    counts = await sentCount(store.db, variantId)
    const { rows } = await store.db.query(
      "SELECT count(*)::int AS waiting FROM stock_subscription WHERE variant_id = $1 AND notified_at IS NULL",
      [variantId]
    )
    return {
      subscribers,
      withoutMs: median(without),
      withMs: withSubscribers,
      allSentSeconds,
      sent: counts.sent,
      keys: counts.keys,
      waiting: rows[0].waiting,
    }
  } finally {
    shop.close()
    await store.close()
  }
}

function rows(result) {
  return [
    { metric: "restock movement, nobody waiting (median of 5)", stockroom: ms(result.withoutMs) },
    { metric: `restock movement, ${thousands(result.subscribers)} waiting`, stockroom: ms(result.withMs), goal: "≈ the line above" },
    { metric: `all ${thousands(result.subscribers)} back-in-stock notifications created`, stockroom: seconds(result.allSentSeconds) },
  ]
}

/** False when a subscriber got no notification, or two. */
function details(result) {
  const ok = result.sent === result.subscribers && result.keys === result.subscribers && result.waiting === 0
  console.log("")
  console.log("Notifications")
  printCheck(
    ok,
    `  ${mark(ok)} ${result.sent} notifications for ${result.subscribers} subscribers (${result.keys} distinct), ` +
      `${result.waiting} still waiting; restock answered in ${ms(result.withMs)} ` +
      `(${ms(result.withoutMs)} with nobody waiting), all sent after ${seconds(result.allSentSeconds)}`
  )
  return ok
}

module.exports = { run, rows, details }
