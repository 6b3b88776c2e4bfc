/**
 * The inventory-unit groups, checkout and backorders, share their stores:
 * bench/store (with Stockroom) and, for the checkout group only,
 * bench/store-plain (without), each on a fresh database and seeded alike
 * through the admin API. The checkout comparison runs first; the plain
 * store is then stopped so that the backorder fills have the machine to
 * themselves.
 */
const { PLAIN_STORE_DIR, STORE_DIR } = require("../lib/store")
const { openShops } = require("../lib/storefront")
const checkout = require("./checkout")
const backorders = require("./backorders")

/**
 * @param {import("../lib/bench-run").BenchRun} bench
 * @param {Set<string>} groups  the groups chosen: checkout, backorders or both
 */
async function run(bench, groups) {
  const withPlugin = bench.newStore("Stockroom", STORE_DIR, "_units")
  const plain = groups.has("checkout") ? bench.newStore("plain Medusa", PLAIN_STORE_DIR, "_plain") : null
  const stores = [withPlugin, plain].filter(Boolean)
  const variants = [{ key: "checkout", stocked: 1000000 }, ...backorders.shopVariants(bench.config)]
  const sides = await openShops(stores, variants, bench.log)
  const results = {}
  try {
    if (plain) {
      results.checkout = await checkout.run(bench, sides)
      await plain.stop()
    }
    if (groups.has("backorders")) {
      results.fills = await backorders.run(bench, sides[0])
    }
  } finally {
    sides.forEach(({ shop }) => shop.close())
  }
  await Promise.all(stores.map((store) => store.close()))
  return results
}

function rows(results) {
  return [
    ...(results.checkout ? checkout.rows(results.checkout) : []),
    ...(results.fills ? backorders.rows(results.fills) : []),
  ]
}

/** The "Inventory units" details; false when a backorder fill failed its checks. */
function details(results, config) {
  console.log("")
  console.log("Inventory units")
  if (results.checkout) {
    checkout.details(results.checkout, config)
  }
  return results.fills ? backorders.details(results.fills) : true
}

module.exports = { run, rows, details }
