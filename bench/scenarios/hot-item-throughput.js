/**
 * Throughput on ONE hot item: `clients` concurrent clients each send +1
 * movements to the same stock item for a while, against the same number of
 * clients setting Medusa's level of one hot twin item. Phases alternate
 * (Stockroom, Medusa, Stockroom, Medusa…) with the store left to settle in
 * between. Afterwards the ledger of the hot stock item must explain exactly
 * the successful requests.
 */

const { runClients } = require("../lib/load")

/**
 * Runs `clients` loops of `send` for `ms`; a response outside 2xx, or a
 * network error, counts as a failure by its status and message.
 */
function hammer(send, { clients, ms }) {
  return runClients(
    async (clientIndex, n) => {
      let response
      try {
        response = await send(clientIndex, n)
      } catch (err) {
        response = { status: `network error (${err.code || err.message})`, body: null }
      }
      if (typeof response.status === "number" && response.status >= 200 && response.status < 300) {
        return undefined
      }
      return `${response.status} ${response.body?.message ?? ""}`.trim()
    },
    { clients, ms }
  )
}

function merge(total, phase) {
  total.ok += phase.ok
  total.seconds += phase.seconds
  for (const [key, count] of phase.failures) {
    total.failures.set(key, (total.failures.get(key) ?? 0) + count)
  }
  return total
}

/** What the database says about one stock item's ledger and Medusa level. */
async function ledgerState(db, stockItemId) {
  const { rows } = await db.query(
    `SELECT count(m.id)::int AS movements,
            COALESCE(sum(m.quantity), 0)::int AS sum_quantity,
            COALESCE(sum(m.stocked_change), 0)::int AS sum_stocked
       FROM stock_item si
       LEFT JOIN stock_movement m ON m.stock_item_id = si.id
      WHERE si.id = $1`,
    [stockItemId]
  )
  return rows[0]
}

async function medusaStocked(client, inventoryItemId, locationId) {
  const { inventory_levels } = await client.ok(
    "GET",
    `/admin/inventory-items/${inventoryItemId}/location-levels?location_id=${locationId}`
  )
  if (inventory_levels.length !== 1) {
    throw new Error(`expected one level for ${inventoryItemId} at ${locationId}, got ${inventory_levels.length}`)
  }
  return Number(inventory_levels[0].stocked_quantity)
}

async function measureHotItemThroughput(
  client,
  db,
  { location_id, stockroomItemId, medusaItemId, clients, seconds, rounds, settle, log }
) {
  const { stock_items } = await client.ok(
    "GET",
    `/admin/stock-items?inventory_item_id=${stockroomItemId}&location_id=${location_id}`
  )
  if (stock_items.length !== 1) {
    throw new Error(`expected one stock item for ${stockroomItemId} at ${location_id}, got ${stock_items.length}`)
  }
  const stockItemId = stock_items[0].id
  const { stock_items: medusaSide } = await client.ok(
    "GET",
    `/admin/stock-items?inventory_item_id=${medusaItemId}&location_id=${location_id}`
  )
  const medusaStockItemId = medusaSide[0]?.id
  const medusaBefore = medusaStockItemId ? await ledgerState(db, medusaStockItemId) : null
  const before = await ledgerState(db, stockItemId)
  const stockedBefore = await medusaStocked(client, stockroomItemId, location_id)

  const stockroom = { ok: 0, failures: new Map(), seconds: 0 }
  const medusa = { ok: 0, failures: new Map(), seconds: 0 }
  const phaseMs = (seconds * 1000) / rounds
  const medusaValues = new Array(clients).fill(0)
  for (let round = 0; round < rounds; round++) {
    log(`  round ${round + 1}/${rounds}: Stockroom, ${clients} clients × ${(phaseMs / 1000).toFixed(1)} s`)
    merge(
      stockroom,
      await hammer(
        () =>
          client.request("POST", "/admin/stock-movements", { stock_item_id: stockItemId, quantity: 1 }),
        { clients, ms: phaseMs }
      )
    )
    await settle()
    log(`  round ${round + 1}/${rounds}: Medusa, ${clients} clients × ${(phaseMs / 1000).toFixed(1)} s`)
    merge(
      medusa,
      await hammer(
        // Each client sets its own increasing value: a real change every time.
        (clientIndex) =>
          client.request(
            "POST",
            `/admin/inventory-items/${medusaItemId}/location-levels/${location_id}`,
            { stocked_quantity: clientIndex * 1_000_000 + ++medusaValues[clientIndex] }
          ),
        { clients, ms: phaseMs }
      )
    )
    await settle()
  }

  const after = await ledgerState(db, stockItemId)
  const stockedAfter = await medusaStocked(client, stockroomItemId, location_id)
  const audit = await client.ok("GET", "/admin/stockroom/audit")
  // Medusa's level writes are ledgered by Stockroom's subscriber as
  // `reconciled` movements, in the background of Medusa's phases.
  const reconciled = medusaStockItemId
    ? (await ledgerState(db, medusaStockItemId)).movements - medusaBefore.movements
    : null
  const checks = [
    ["movements written", after.movements - before.movements],
    ["Σ quantity", after.sum_quantity - before.sum_quantity],
    ["Σ stocked_change", after.sum_stocked - before.sum_stocked],
    ["Medusa stocked_quantity", stockedAfter - stockedBefore],
  ].map(([what, change]) => ({ what, change, exact: change === stockroom.ok }))
  return {
    stock_item_id: stockItemId,
    stockroom: { ...stockroom, perSecond: stockroom.ok / stockroom.seconds },
    medusa: { ...medusa, perSecond: medusa.ok / medusa.seconds, reconciled },
    ledger: { expected: stockroom.ok, checks, exact: checks.every((c) => c.exact) },
    audit,
  }
}

module.exports = { measureHotItemThroughput }
