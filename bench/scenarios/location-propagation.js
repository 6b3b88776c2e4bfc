/**
 * A new location reaching every inventory item. Stockroom: `POST
 * /admin/stock-locations`, then the plugin's subscriber gives the location
 * a Medusa level at 0 and a stock item for every inventory item; timed from
 * the request until the database holds a stock item for each. Medusa's
 * reference: its own batch route creating the same number of levels at a
 * location Stockroom does not propagate to, timed until it answers.
 */
const crypto = require("crypto")
const { sleep } = require("../lib/processes")

const seconds = (startedNs) => Number(process.hrtime.bigint() - startedNs) / 1e9

async function countAt(db, table, locationId) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM ${table} WHERE location_id = $1 AND deleted_at IS NULL`,
    [locationId]
  )
  return rows[0].n
}

async function waitForCount(db, table, locationId, expected, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const n = await countAt(db, table, locationId)
    if (n >= expected) {
      return n
    }
    if (Date.now() > deadline) {
      throw new Error(
        `only ${n} of ${expected} rows in ${table} at location ${locationId} after ${timeoutMs / 1000} s`
      )
    }
    await sleep(25)
  }
}

async function timeStockroomPropagation(client, db, { items, timeoutMs }) {
  const started = process.hrtime.bigint()
  const { stock_location } = await client.ok("POST", "/admin/stock-locations", {
    name: `Bench propagation ${items}`,
  })
  const answeredAfter = seconds(started)
  await waitForCount(db, "stock_item", stock_location.id, items, timeoutMs)
  const total = seconds(started)
  const levels = await countAt(db, "inventory_level", stock_location.id)
  if (levels !== items) {
    throw new Error(`location ${stock_location.id} has ${levels} Medusa levels, expected ${items}`)
  }
  return { location_id: stock_location.id, seconds: total, answeredAfter }
}

/**
 * A location made directly in the database with a Stockroom setting that
 * does not propagate (the API's location creation would propagate at once),
 * so Medusa's batch route has every level left to create.
 */
async function createUnpropagatedLocation(db, name) {
  const suffix = crypto.randomBytes(8).toString("hex").toUpperCase()
  const locationId = `sloc_BENCH${suffix}`
  await db.query(`INSERT INTO stock_location (id, name) VALUES ($1, $2)`, [locationId, name])
  await db.query(
    `INSERT INTO stock_location_setting (id, stock_location_id, propagate_all_variants)
     VALUES ($1, $2, false)`,
    [`srls_BENCH${suffix}`, locationId]
  )
  return locationId
}

async function timeMedusaBatchLevels(client, db, { items, ledgerTimeoutMs }) {
  const locationId = await createUnpropagatedLocation(db, `Bench Medusa batch ${items}`)
  const { rows } = await db.query(
    `SELECT id FROM inventory_item WHERE deleted_at IS NULL ORDER BY id`
  )
  if (rows.length !== items) {
    throw new Error(`expected ${items} inventory items, found ${rows.length}`)
  }
  const body = {
    create: rows.map(({ id }) => ({
      inventory_item_id: id,
      location_id: locationId,
      stocked_quantity: 0,
    })),
  }
  const started = process.hrtime.bigint()
  const { created } = await client.ok("POST", "/admin/inventory-items/location-levels/batch", body)
  const total = seconds(started)
  if (created.length !== items) {
    throw new Error(`Medusa's batch created ${created.length} levels, expected ${items}`)
  }
  // Stockroom ledgers levels made outside it: each gets a stock item. Not
  // part of Medusa's time; reported (up to a limit) so the follow-up cost
  // is visible.
  let ledgeredAfter = null
  try {
    await waitForCount(db, "stock_item", locationId, items, ledgerTimeoutMs)
    ledgeredAfter = seconds(started)
  } catch {
    // Still ledgering when the bench stopped waiting; reported as such.
  }
  return {
    location_id: locationId,
    seconds: total,
    ledgeredAfter,
    ledgered: await countAt(db, "stock_item", locationId),
    waitedFor: seconds(started),
  }
}

module.exports = { timeStockroomPropagation, timeMedusaBatchLevels }
