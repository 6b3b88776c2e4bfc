/**
 * The holds group: checkout holds on against off, in the same run. Two
 * Stockroom stores (bench/store) on fresh databases, seeded alike: one with
 * `checkout_hold_minutes: 15`, one without. On the "on" side
 * BENCH_BACKGROUND_HOLDS other carts hold the same variant for the whole
 * run (live holds every check subtracts), and each measured checkout holds
 * its cart before completing, as a storefront with holds does; the hold is
 * consumed by the complete. Timed as the checkout group: add to cart and
 * complete, alternating blocks (scenarios/checkout-overhead.js); the hold
 * request itself is printed apart.
 */
const { STORE_DIR } = require("../lib/store")
const { openShops } = require("../lib/storefront")
const { medianAndP95Rows } = require("../lib/table")
const { ms } = require("../lib/report")
const { measureCheckoutOverhead } = require("../scenarios/checkout-overhead")

const BACKGROUND_HOLDS = Number(process.env.BENCH_BACKGROUND_HOLDS || 50)

/** @param {import("../lib/bench-run").BenchRun} bench */
async function run(bench) {
  const { config } = bench
  const log = (message) => bench.log(`holds: ${message}`)
  const on = bench.newStore("holds on", STORE_DIR, "_holds_on", {
    STOCKROOM_BENCH_OPTIONS: JSON.stringify({ checkout_hold_minutes: 15 }),
  })
  const off = bench.newStore("holds off", STORE_DIR, "_holds_off")
  const stores = [on, off]
  const sides = await openShops(stores, [{ key: "checkout", stocked: 1000000 }], log)
  sides[0].hold = true
  try {
    log(`${BACKGROUND_HOLDS} other carts hold the variant in the "on" store for the whole run`)
    const [{ shop, setup }] = sides
    for (let i = 0; i < BACKGROUND_HOLDS; i++) {
      const { body } = await shop.request("POST", "/store/carts", {
        region_id: setup.region_id,
        sales_channel_id: setup.sales_channel_id,
        items: [{ variant_id: setup.variants.checkout.variant_id, quantity: 1 }],
      })
      const held = await shop.request("POST", `/store/carts/${body.cart.id}/stock-hold`, {})
      if (held.status !== 200 || held.body.stock_hold.items[0].held !== 1) {
        throw new Error(`background hold refused: ${held.status} ${JSON.stringify(held.body).slice(0, 300)}`)
      }
    }
    await on.quiet("after the background holds")
    log(
      `${config.checkoutWarmup} warm-up + ${config.checkouts} measured checkouts per side, ` +
        "alternating blocks (holds on, holds off)"
    )
    return await measureCheckoutOverhead({
      sides,
      warmup: config.checkoutWarmup,
      samples: config.checkouts,
      log: bench.log,
    })
  } finally {
    sides.forEach(({ shop }) => shop.close())
    await Promise.all(stores.map((store) => store.close()))
  }
}

/** In the table's columns: "Stockroom" = holds on, "Medusa" = holds off. */
function rows([on, off]) {
  const part = (r, name) => ({ median: r[`${name}Median`], p95: r[`${name}P95`] })
  return [
    ...medianAndP95Rows("holds on/off: add to cart", part(on, "add"), part(off, "add"), ms, { median: { atMost: 1.1 } }),
    ...medianAndP95Rows("holds on/off: complete", part(on, "complete"), part(off, "complete"), ms, {
      median: { atMost: 1.1 },
    }),
    ...medianAndP95Rows("holds on/off: add + complete", on, off, ms, { median: { atMost: 1.1 } }),
  ]
}

function details([on, off], config) {
  console.log("")
  console.log("Checkout holds")
  console.log(
    `  ${on.n} checkouts per side after ${config.checkoutWarmup} warm-up; two Stockroom stores, ` +
      `checkout_hold_minutes 15 ("Stockroom" column) against off ("Medusa" column); ` +
      `${BACKGROUND_HOLDS} other carts' live holds on the variant in the "on" store`
  )
  console.log(
    `    holds on:  median add to cart ${ms(on.addMedian)}, POST stock-hold ${ms(on.holdMedian)} (not in the ` +
      `timed sum), complete ${ms(on.completeMedian)}, whole checkout ${ms(on.totalMedian)}`
  )
  console.log(
    `    holds off: median add to cart ${ms(off.addMedian)}, complete ${ms(off.completeMedian)}, ` +
      `whole checkout ${ms(off.totalMedian)}`
  )
  return true
}

module.exports = { run, rows, details }
