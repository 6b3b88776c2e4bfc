/**
 * Throughput of the store run as two HTTP servers plus a worker (sharing
 * PostgreSQL and Redis: Redis event bus, workflow engine and locking)
 * against the same store as ONE process (workerMode "shared", the same
 * Redis modules), on the same database, one topology after the other:
 *
 * - movements per second: `clients` concurrent admin clients sending +1
 *   movements (`POST /admin/stock-movements`) spread over `items` stock
 *   items, for `seconds`;
 * - checkouts per second: `checkouts` whole guest checkouts (cart,
 *   shipping, payment, complete) of one unit of an in-stock variant, by
 *   `customers` concurrent guests, timed until the last one is placed (a
 *   count rather than a duration: one checkout takes seconds on a busy
 *   2-core machine).
 *
 * Requests go round-robin to the processes that serve HTTP. Afterwards the
 * ledger must explain exactly the successful movements, every completed
 * checkout must have its unit, and the audit must be clean.
 */
const { AdminClient } = require("../lib/admin-client")
const { runClients } = require("../lib/load")
const { checkout } = require("../lib/storefront")

/**
 * Runs `clients` loops of `send` for `ms`, or until `count` sends were
 * started; a send that throws counts as a failure by its message.
 */
function loop(send, options) {
  return runClients(async (clientIndex, n) => {
    try {
      await send(clientIndex, n)
    } catch (err) {
      return String(err.message)
    }
  }, options)
}

async function ledgerTotals(db, stockItemIds) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS movements, COALESCE(sum(quantity), 0)::int AS quantity
       FROM stock_movement WHERE stock_item_id = ANY($1)`,
    [stockItemIds]
  )
  return rows[0]
}

async function unitCount(db, inventoryItemId) {
  const { rows } = await db.query(
    `SELECT COALESCE(sum(quantity), 0)::int AS units, count(DISTINCT order_id)::int AS orders
       FROM inventory_unit WHERE inventory_item_id = $1 AND deleted_at IS NULL`,
    [inventoryItemId]
  )
  return rows[0]
}

/**
 * One topology's measurements on a started ScaleStore.
 * @param {object} store   started ScaleStore
 * @param {object} setup   from setUpShop: variants.checkout and variants.m1..mN
 * @param {object} admin   {email, password}
 */
async function measureTopology(
  store,
  setup,
  { admin, label, clients, customers, checkouts: checkoutCount, seconds, items, log }
) {
  const admins = []
  for (const url of store.serverUrls) {
    const client = new AdminClient(url)
    await client.login(admin.email, admin.password)
    admins.push(client)
  }
  const shops = store.serverUrls.map(
    (url) => new AdminClient(url, { headers: { "x-publishable-api-key": setup.publishable_key } })
  )
  try {
    const { rows } = await store.db.query(
      `SELECT id FROM stock_item WHERE location_id = $1 AND inventory_item_id = ANY($2) ORDER BY id`,
      [setup.location_id, items.map((key) => setup.variants[key].inventory_item_id)]
    )
    const stockItemIds = rows.map((row) => row.id)
    if (stockItemIds.length !== items.length) {
      throw new Error(`expected ${items.length} stock items, found ${stockItemIds.length}`)
    }
    // Warm-up, not counted: each process's first requests compile code paths.
    let warm = 0
    await loop(
      async () => {
        const n = warm++
        await admins[n % admins.length].ok("POST", "/admin/stock-movements", {
          stock_item_id: stockItemIds[n % stockItemIds.length],
          quantity: 1,
        })
      },
      { clients, ms: 2000 }
    )
    await Promise.all(
      shops.map((shop, i) =>
        checkout(shop, setup, {
          variant_id: setup.variants.checkout.variant_id,
          quantity: 1,
          email: `scale-warmup-${process.pid}-${label.replace(/\W+/g, "-")}-${i}@stockroom.test`,
        })
      )
    )
    await store.drained()

    log(`${label}: movements, ${clients} clients over ${items.length} stock items, ${seconds} s`)
    const before = await ledgerTotals(store.db, stockItemIds)
    let sequence = 0
    const movements = await loop(
      async () => {
        const n = sequence++
        await admins[n % admins.length].ok("POST", "/admin/stock-movements", {
          stock_item_id: stockItemIds[n % stockItemIds.length],
          quantity: 1,
        })
      },
      { clients, ms: seconds * 1000 }
    )
    const after = await ledgerTotals(store.db, stockItemIds)
    await store.drained()

    log(`${label}: ${checkoutCount} checkouts, ${customers} customers at once`)
    const checkoutItem = setup.variants.checkout.inventory_item_id
    const unitsBefore = await unitCount(store.db, checkoutItem)
    let customer = 0
    const checkouts = await loop(
      async () => {
        const n = customer++
        await checkout(shops[n % shops.length], setup, {
          variant_id: setup.variants.checkout.variant_id,
          quantity: 1,
          email: `scale-${process.pid}-${label.replace(/\W+/g, "-")}-${n}@stockroom.test`,
        })
      },
      { clients: customers, count: checkoutCount }
    )
    await store.drained()
    const unitsAfter = await unitCount(store.db, checkoutItem)
    const audit = await admins[0].ok("GET", "/admin/stockroom/audit")
    const checks = [
      ["movements written", after.movements - before.movements, movements.ok],
      ["Σ quantity", after.quantity - before.quantity, movements.ok],
      ["orders with units", unitsAfter.orders - unitsBefore.orders, checkouts.ok],
      ["units", unitsAfter.units - unitsBefore.units, checkouts.ok],
    ].map(([what, change, expected]) => ({ what, change, expected, exact: change === expected }))
    return {
      label,
      processes: store.processes.servers.length + (store.processes.worker ? 1 : 0),
      movements: { ...movements, perSecond: movements.ok / movements.seconds },
      checkouts: { ...checkouts, perSecond: checkouts.ok / checkouts.seconds },
      checks,
      audit,
      exact: checks.every((check) => check.exact) && audit.ok,
    }
  } finally {
    admins.forEach((client) => client.close())
    shops.forEach((client) => client.close())
  }
}

module.exports = { measureTopology }
