/**
 * Backorder fill at scale. Orders that backorder one variant at one
 * location are placed through the store API (real carts, Medusa's
 * reservations, Stockroom's orderCreated hook writing backordered units),
 * several in flight; then ONE `POST /admin/stock-movements` receives exactly
 * the backordered quantity on that stock item, and the receipt fills every
 * backorder inside its transaction. Timed: that request, and separately
 * the time until the store is idle afterwards. Checked: every unit of the
 * item is on_hand afterwards, and the audit is ok.
 */
const { checkout } = require("../lib/storefront")
const { median } = require("../lib/stats")

async function placeBackorders(shop, setup, { key, orders, lines, quantity, concurrency, log }) {
  const { variant_ids } = setup.variants[key]
  if (variant_ids.length < lines) {
    throw new Error(`${key}: ${variant_ids.length} variants for ${lines} lines per order`)
  }
  // One line per variant: Medusa merges lines of the same variant.
  const items = variant_ids.slice(0, lines).map((variant_id) => ({ variant_id, quantity }))
  const started = Date.now()
  let next = 0
  let placed = 0
  let lastReport = started
  const worker = async () => {
    while (next < orders) {
      const n = ++next
      await checkout(shop, setup, {
        items,
        email: `backorder-${process.pid}-${key}-${n}@stockroom.test`,
      })
      placed++
      if (Date.now() - lastReport >= 10000 || placed === orders) {
        lastReport = Date.now()
        const seconds = (lastReport - started) / 1000
        log?.(`  ${placed} / ${orders} orders placed (${(placed / seconds).toFixed(1)} orders/s)`)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, orders) }, worker))
  return { seconds: (Date.now() - started) / 1000 }
}

async function unitStates(db, { inventory_item_id, location_id }) {
  const { rows } = await db.query(
    `SELECT state, count(*)::int AS rows, sum(quantity)::int AS quantity FROM inventory_unit
      WHERE inventory_item_id = $1 AND location_id = $2 AND deleted_at IS NULL
      GROUP BY state`,
    [inventory_item_id, location_id]
  )
  return Object.fromEntries(rows.map((r) => [r.state, { rows: r.rows, quantity: r.quantity }]))
}

async function timeBackorderFill(store, setup, { key, units }) {
  const ref = { inventory_item_id: setup.variants[key].inventory_item_id, location_id: setup.location_id }
  const before = await unitStates(store.db, ref)
  if (before.backordered?.quantity !== units || Object.keys(before).length !== 1) {
    throw new Error(
      `expected ${units} backordered units of ${ref.inventory_item_id} before the receipt, found ${JSON.stringify(before)}`
    )
  }
  const since = process.hrtime.bigint()
  const response = await store.client.request("POST", "/admin/stock-movements", {
    ...ref,
    quantity: units,
  })
  if (response.status < 200 || response.status >= 300) {
    throw new Error(
      `POST /admin/stock-movements (+${units}) → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`
    )
  }
  // Filled before the response? Read at once, before the store settles.
  const atResponse = await unitStates(store.db, ref)
  const busyFor = await store.quiet("after the receipt", since)
  const after = await unitStates(store.db, ref)
  const audit = await store.client.ok("GET", "/admin/stockroom/audit")
  // The fixed cost of a receipt: the same request on the same stock item
  // with nothing left to fill (median of 5, +1 each).
  const plain = []
  for (let i = 0; i < 5; i++) {
    const r = await store.client.request("POST", "/admin/stock-movements", { ...ref, quantity: 1 })
    if (r.status < 200 || r.status >= 300) {
      throw new Error(`POST /admin/stock-movements (+1) → ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`)
    }
    plain.push(r.ms / 1000)
  }
  await store.quiet("after the baseline receipts")
  return {
    baselineSeconds: median(plain),
    units,
    unitRows: before.backordered.rows,
    seconds: response.ms / 1000,
    busyFor,
    filledAtResponse: atResponse.on_hand?.quantity ?? 0,
    onHand: after.on_hand?.quantity ?? 0,
    allOnHand: after.on_hand?.quantity === units && Object.keys(after).length === 1,
    after,
    audit,
  }
}

module.exports = { placeBackorders, timeBackorderFill, unitStates }
