/**
 * The storefront group: Stockroom's store routes against the same routes in
 * plain Medusa, both stores running on the same seeded data. Like the
 * checkout comparison, the sides take turns in blocks of requests, swapping
 * which goes first each round and waiting for both stores to be idle after
 * every block; warm-up requests are discarded.
 *
 * - listing: `GET /store/products?fields=id,title` (Medusa's default limit);
 *   Stockroom's store runs with show_zero_stock_products: false, so its
 *   middleware leaves out the products with no stock in the channel. Each
 *   side's `count` is kept (it must not change between requests).
 * - add to cart: `POST /store/carts/:id/line-items` (1 unit of a stocked
 *   variant) on a new cart each time (created untimed); Stockroom's
 *   add-to-cart validate hook checks the cart's stock.
 */
const { median, p95 } = require("../lib/stats")

async function alternate({ sides, warmup, samples, block, once, log, what }) {
  const results = sides.map(() => [])
  const runBlock = async (index, count, keep) => {
    for (let i = 0; i < count; i++) {
      const ms = await once(sides[index], index)
      if (keep) {
        results[index].push(ms)
      }
    }
    await Promise.all(sides.map((s) => s.store.quiet(`after a block of ${what}`)))
  }
  for (const [total, keep] of [[warmup, false], [samples, true]]) {
    for (let round = 0, done = 0; done < total; round++) {
      const count = Math.min(block, total - done)
      for (const index of round % 2 ? [1, 0] : [0, 1]) {
        await runBlock(index, count, keep)
      }
      done += count
    }
    if (!keep) {
      log?.(`${what}: warmed up; measuring ${samples} per side in blocks of ${block}`)
    }
  }
  return results.map((r) => ({ n: r.length, median: median(r), p95: p95(r) }))
}

const LISTING_PATH = "/store/products?fields=id,title"

async function measureListing({ sides, warmup, samples, block = 50, log }) {
  const counts = sides.map(() => new Set())
  const shown = sides.map(() => 0)
  const stats = await alternate({
    sides,
    warmup,
    samples,
    block,
    log,
    what: "listings",
    once: async (side, index) => {
      const response = await side.shop.request("GET", LISTING_PATH)
      if (response.status !== 200) {
        throw new Error(
          `GET ${LISTING_PATH} (${side.store.label}) → ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`
        )
      }
      counts[index].add(response.body.count)
      shown[index] = response.body.products.length
      return response.ms
    },
  })
  return stats.map((s, i) => ({ ...s, counts: [...counts[i]], page: shown[i] }))
}

async function measureAddToCart({ sides, warmup, samples, block = 20, log }) {
  return alternate({
    sides,
    warmup,
    samples,
    block,
    log,
    what: "adds to cart",
    once: async (side) => {
      const created = await side.shop.request("POST", "/store/carts", {
        region_id: side.setup.region_id,
        sales_channel_id: side.setup.sales_channel_id,
      })
      if (created.status !== 200) {
        throw new Error(`POST /store/carts (${side.store.label}) → ${created.status}: ${JSON.stringify(created.body).slice(0, 300)}`)
      }
      const path = `/store/carts/${created.body.cart.id}/line-items`
      const added = await side.shop.request("POST", path, {
        variant_id: side.setup.variants.checkout.variant_id,
        quantity: 1,
      })
      if (added.status !== 200) {
        throw new Error(`POST ${path} (${side.store.label}) → ${added.status}: ${JSON.stringify(added.body).slice(0, 300)}`)
      }
      return added.ms
    },
  })
}

module.exports = { measureListing, measureAddToCart, LISTING_PATH }
