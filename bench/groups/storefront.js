/**
 * The storefront group: two fresh stores, bench/store with
 * show_zero_stock_products off and bench/store-plain, both running, each
 * set up through the admin API (setUpShop: one product with a stocked
 * variant for add to cart) and then given the same catalogue by `medusa
 * exec` (seed-storefront-products.js): BENCH_LISTING_PRODUCTS published
 * products in the channel, every other one stocked. Measures the product
 * listing and add to cart in both (scenarios/storefront.js).
 */
const path = require("path")
const { PLAIN_STORE_DIR, STORE_DIR } = require("../lib/store")
const { openShops } = require("../lib/storefront")
const { medianAndP95Rows } = require("../lib/table")
const { ms, mark, printCheck } = require("../lib/report")
const { measureListing, measureAddToCart, LISTING_PATH } = require("../scenarios/storefront")

/** @param {import("../lib/bench-run").BenchRun} bench */
async function run(bench) {
  const { config } = bench
  const log = (message) => bench.log(`storefront: ${message}`)
  const total = config.listingProducts
  const stockedSeeded = Math.floor((total + 1) / 2)
  const withPlugin = bench.newStore("Stockroom", STORE_DIR, "_storefront", {
    STOCKROOM_BENCH_OPTIONS: JSON.stringify({ show_zero_stock_products: false }),
  })
  const plain = bench.newStore("plain Medusa", PLAIN_STORE_DIR, "_storefront_plain")
  const stores = [withPlugin, plain]
  const sides = await openShops(stores, [{ key: "checkout", stocked: 1000000 }], log)
  const results = { total, stockedSeeded }
  try {
    log(`seeding ${total} products (${stockedSeeded} stocked) in each store (medusa exec, both at once)`)
    const seedStarted = Date.now()
    await Promise.all(
      sides.map(({ store, setup }) =>
        store.exec(`seeding the catalogue (${store.label})`, path.join(STORE_DIR, "seed-storefront-products.js"), [
          setup.sales_channel_id,
          setup.location_id,
          setup.shipping_profile_id,
          total,
          stockedSeeded,
        ])
      )
    )
    results.seedSeconds = (Date.now() - seedStarted) / 1000
    await Promise.all(stores.map((store) => store.quiet("after seeding the catalogue")))
    results.expected = []
    for (const side of sides) {
      results.expected.push(await expectedListing(side))
    }
    log(
      `listing, ${config.listingWarmup} warm-up + ${config.listings} measured GET ${LISTING_PATH} ` +
        "per side, alternating blocks (Stockroom, plain Medusa)"
    )
    results.listing = await measureListing({
      sides,
      warmup: config.listingWarmup,
      samples: config.listings,
      log: bench.log,
    })
    log(`add to cart, ${config.addWarmup} warm-up + ${config.adds} measured per side, alternating blocks`)
    results.add = await measureAddToCart({ sides, warmup: config.addWarmup, samples: config.adds, log: bench.log })
  } finally {
    sides.forEach(({ shop }) => shop.close())
  }
  await Promise.all(stores.map((store) => store.close()))
  return results
}

/**
 * What a store should list, read from its database: every published product
 * in the channel (setUpShop's own product included), and of those the ones
 * with stock.
 */
async function expectedListing({ store, setup }) {
  const { rows } = await store.db.query(
    `SELECT COUNT(*)::int AS total,
            COUNT(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM product_variant v
                JOIN product_variant_inventory_item pvii ON pvii.variant_id = v.id AND pvii.deleted_at IS NULL
                JOIN inventory_level l ON l.inventory_item_id = pvii.inventory_item_id AND l.deleted_at IS NULL
               WHERE v.product_id = p.id AND v.deleted_at IS NULL
                 AND l.stocked_quantity - l.reserved_quantity > 0))::int AS stocked
       FROM product p
       JOIN product_sales_channel psc ON psc.product_id = p.id AND psc.deleted_at IS NULL
      WHERE p.deleted_at IS NULL AND p.status = 'published' AND psc.sales_channel_id = $1`,
    [setup.sales_channel_id]
  )
  return rows[0]
}

function rows(r) {
  const [srList, plainList] = r.listing
  const [srAdd, plainAdd] = r.add
  const count = (side) => side.counts.join(" / ")
  return [
    ...medianAndP95Rows("product listing (zero stock hidden)", srList, plainList, ms, {
      median: { atMost: 1.3 },
      p95: { atMost: 1.3 },
    }),
    {
      metric: "product listing, count returned",
      stockroom: count(srList),
      medusa: count(plainList),
      ratio: srList.counts[0] / plainList.counts[0],
    },
    ...medianAndP95Rows("add to cart", srAdd, plainAdd, ms, { median: { atMost: 1.15 } }),
  ]
}

/** The catalogue, the samples and the listing counts; false when a count is off. */
function details(r, config) {
  const [srList, plainList] = r.listing
  const [srExpected, plainExpected] = r.expected
  console.log("")
  console.log("Storefront")
  console.log(
    `  catalogue: ${r.total} seeded products per store (${r.stockedSeeded} stocked, the rest 0 in stock) plus ` +
      `the shop's own stocked product, seeded in ${r.seedSeconds.toFixed(0)} s (both stores at once); ` +
      `Stockroom with show_zero_stock_products: false`
  )
  console.log(
    `  listing: GET ${LISTING_PATH} (default limit; ${srList.page} / ${plainList.page} products on the page), ` +
      `${srList.n} per side after ${config.listingWarmup} warm-up; add to cart: POST /store/carts/:id/line-items ` +
      `(1 unit of a variant with 1,000,000 in stock, a new cart each, created untimed), ${r.add[0].n} per side ` +
      `after ${config.addWarmup} warm-up`
  )
  const checks = [
    ["Stockroom lists exactly the stocked products", srList.counts, srExpected.stocked],
    ["plain Medusa lists every product", plainList.counts, plainExpected.total],
  ]
  let ok = true
  for (const [what, counts, want] of checks) {
    const exact = counts.length === 1 && counts[0] === want
    printCheck(exact, `  ${mark(exact)} ${what}: count ${counts.join(" / ")}, expected ${want}`)
    ok = ok && exact
  }
  return ok
}

module.exports = { run, rows, details }
