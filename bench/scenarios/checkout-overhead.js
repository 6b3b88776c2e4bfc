/**
 * What Stockroom adds to a checkout: the same guest checkout in the store
 * with the plugin and in the same store without it (bench/store-plain),
 * both running, on their own databases seeded alike. Timed per checkout:
 * the add-to-cart request plus the complete request (Stockroom's
 * orderCreated hook runs inside complete); the cart, shipping and payment
 * steps between them are not timed (payment must follow the items: adding
 * an item refreshes the payment collection). The sides take turns in
 * blocks, swapping which goes first each round and waiting for both stores
 * to be idle between blocks, so each block starts from a quiet machine and
 * its own subscriber work counts against it. Warm-up checkouts are discarded.
 * A side with `hold` set holds its cart's stock before completing (the
 * holds group); that request is timed apart, not in `timed`.
 */
const { median, p95 } = require("../lib/stats")
const { checkout } = require("../lib/storefront")

async function measureCheckoutOverhead({ sides, warmup, samples, block = 20, log }) {
  const results = sides.map(() => ({ timed: [], add: [], hold: [], complete: [], total: [] }))
  let sequence = 0
  const runBlock = async (index, count, keep) => {
    const side = sides[index]
    for (let i = 0; i < count; i++) {
      const r = await checkout(side.shop, side.setup, {
        variant_id: side.setup.variants.checkout.variant_id,
        quantity: 1,
        // One guest per checkout: Medusa creates guests racily otherwise.
        email: `checkout-${process.pid}-${index}-${++sequence}@stockroom.test`,
        hold: !!side.hold,
      })
      if (keep) {
        results[index].timed.push(r.timedMs)
        results[index].add.push(r.addMs)
        results[index].hold.push(r.holdMs)
        results[index].complete.push(r.completeMs)
        results[index].total.push(r.totalMs)
      }
    }
    await Promise.all(sides.map((s) => s.store.quiet("after a block of checkouts")))
  }
  for (let round = 0, done = 0; done < warmup; round++) {
    const count = Math.min(block, warmup - done)
    for (const index of round % 2 ? [1, 0] : [0, 1]) {
      await runBlock(index, count, false)
    }
    done += count
  }
  log?.(`checkout: warmed up; measuring ${samples} per side in blocks of ${block}`)
  for (let round = 0, done = 0; done < samples; round++) {
    const count = Math.min(block, samples - done)
    for (const index of round % 2 ? [1, 0] : [0, 1]) {
      await runBlock(index, count, true)
    }
    done += count
  }
  const summary = (r) => ({
    n: r.timed.length,
    median: median(r.timed),
    p95: p95(r.timed),
    addMedian: median(r.add),
    addP95: p95(r.add),
    holdMedian: median(r.hold),
    completeMedian: median(r.complete),
    completeP95: p95(r.complete),
    totalMedian: median(r.total),
  })
  return results.map(summary)
}

module.exports = { measureCheckoutOverhead }
