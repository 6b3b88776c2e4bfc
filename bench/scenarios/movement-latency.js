/**
 * Latency of one stock change, sequentially: Stockroom's
 * `POST /admin/stock-movements` (+1 by inventory item and location) against
 * Medusa's `POST /admin/inventory-items/:id/location-levels/:location_id`
 * (a new absolute stocked_quantity) on a twin item at the same location.
 * The two alternate request by request, swapping which goes first each
 * round, so machine noise hits both alike; warm-up rounds are discarded.
 */
const { median, p95 } = require("../lib/stats")

async function expectOk(response, what) {
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${what} → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`)
  }
  return response.ms
}

async function measureMovementLatency(client, { location_id, stockroomItemId, medusaItemId, warmup, samples }) {
  const stockroom = []
  const medusa = []
  let stocked = 0
  const moveStock = () =>
    client
      .request("POST", "/admin/stock-movements", {
        inventory_item_id: stockroomItemId,
        location_id,
        quantity: 1,
      })
      .then((r) => expectOk(r, "POST /admin/stock-movements"))
  const setLevel = () =>
    client
      .request(
        "POST",
        `/admin/inventory-items/${medusaItemId}/location-levels/${location_id}`,
        { stocked_quantity: ++stocked }
      )
      .then((r) => expectOk(r, "POST /admin/inventory-items/:id/location-levels/:location_id"))

  for (let round = 0; round < warmup + samples; round++) {
    const keep = round >= warmup
    const first = round % 2 === 0
    if (first) {
      const a = await moveStock()
      const b = await setLevel()
      if (keep) {
        stockroom.push(a)
        medusa.push(b)
      }
    } else {
      const b = await setLevel()
      const a = await moveStock()
      if (keep) {
        stockroom.push(a)
        medusa.push(b)
      }
    }
  }
  return {
    stockroom: { median: median(stockroom), p95: p95(stockroom), n: stockroom.length },
    medusa: { median: median(medusa), p95: p95(medusa), n: medusa.length },
  }
}

module.exports = { measureMovementLatency }
