/**
 * The checkout group: a guest checkout in the store with Stockroom against
 * the same checkout in the store without it (scenarios/checkout-overhead.js),
 * on the two stores groups/units.js sets up.
 */
const { medianAndP95Rows } = require("../lib/table")
const { ms } = require("../lib/report")
const { measureCheckoutOverhead } = require("../scenarios/checkout-overhead")

/**
 * @param {import("../lib/bench-run").BenchRun} bench
 * @param {{store, setup, shop}[]} sides  Stockroom, then plain Medusa
 */
async function run(bench, sides) {
  const { config, log } = bench
  log(
    `checkout: ${config.checkoutWarmup} warm-up + ${config.checkouts} measured checkouts per side, ` +
      "alternating blocks (Stockroom, plain Medusa)"
  )
  return measureCheckoutOverhead({ sides, warmup: config.checkoutWarmup, samples: config.checkouts, log })
}

function rows([stockroom, plain]) {
  return medianAndP95Rows("checkout (add + complete)", stockroom, plain, ms, { median: { atMost: 1.15 } })
}

function details([stockroom, plain], config) {
  console.log(
    `  checkout: ${stockroom.n} per side after ${config.checkoutWarmup} warm-up checkouts; timed = ` +
      "POST /store/carts/:id/line-items + POST /store/carts/:id/complete (cart, shipping method, " +
      "payment collection and session in between, untimed); 1 unit of an in-stock variant, a new guest each"
  )
  for (const [side, r] of [["Stockroom", stockroom], ["plain Medusa", plain]]) {
    console.log(
      `    ${side.padEnd(13)} median add to cart ${ms(r.addMedian)}, complete ${ms(r.completeMedian)}, ` +
        `whole checkout (6 requests) ${ms(r.totalMedian)}`
    )
  }
}

module.exports = { run, rows, details }
