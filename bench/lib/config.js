/**
 * The bench's knobs, from the environment (all optional; see bench/README.md):
 * BENCH_WARMUP (200), BENCH_SAMPLES (300), BENCH_CLIENTS (16), BENCH_SECONDS
 * (10 per side), BENCH_ITEMS ("1000,10000"), BENCH_CHECKOUT_WARMUP (10),
 * BENCH_CHECKOUTS (100), BENCH_BACKORDERS ("10x20x5,100x20x5": orders ×
 * lines each × units per line, small then large), BENCH_ORDER_CONCURRENCY
 * (8), BENCH_LISTING_PRODUCTS (5000), BENCH_LISTING_WARMUP (20),
 * BENCH_LISTINGS (100), BENCH_ADD_WARMUP (10), BENCH_ADDS (50),
 * BENCH_SCALE_SECONDS (10 per measurement), BENCH_SCALE_CLIENTS (16),
 * BENCH_SCALE_CUSTOMERS (8), BENCH_SCALE_CHECKOUTS (40), BENCH_SCALE_ITEMS
 * (8), BENCH_SCALE_ROUNDS (2: two servers + worker, one process, then the
 * other way round). Throws on a value the bench cannot use.
 */

function envNumber(env, name, fallback) {
  const value = Number(env[name] ?? fallback)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number`)
  }
  return value
}

function parseBackorders(text) {
  const sizes = text.split(",").map((part) => {
    const [orders, lines, unitsPerLine] = part.split("x").map(Number)
    return { orders, lines, unitsPerLine, rows: orders * lines, units: orders * lines * unitsPerLine }
  })
  if (
    sizes.length !== 2 ||
    !sizes.every((s) => [s.orders, s.lines, s.unitsPerLine].every((n) => Number.isInteger(n) && n > 0))
  ) {
    throw new Error(
      'BENCH_BACKORDERS must be two sizes "<orders>x<lines each>x<units per line>", e.g. 10x20x5,100x20x5'
    )
  }
  return sizes
}

function readConfig(env = process.env) {
  const number = (name, fallback) => envNumber(env, name, fallback)
  const config = {
    warmup: number("BENCH_WARMUP", 200),
    samples: number("BENCH_SAMPLES", 300),
    clients: number("BENCH_CLIENTS", 16),
    seconds: number("BENCH_SECONDS", 10),
    rounds: 2,
    items: (env.BENCH_ITEMS || "1000,10000").split(",").map(Number),
    checkoutWarmup: number("BENCH_CHECKOUT_WARMUP", 10),
    checkouts: number("BENCH_CHECKOUTS", 100),
    backorders: parseBackorders(env.BENCH_BACKORDERS || "10x20x5,100x20x5"),
    orderConcurrency: number("BENCH_ORDER_CONCURRENCY", 8),
    listingProducts: number("BENCH_LISTING_PRODUCTS", 5000),
    listingWarmup: number("BENCH_LISTING_WARMUP", 20),
    listings: number("BENCH_LISTINGS", 100),
    addWarmup: number("BENCH_ADD_WARMUP", 10),
    adds: number("BENCH_ADDS", 50),
    scaleSeconds: number("BENCH_SCALE_SECONDS", 10),
    scaleClients: number("BENCH_SCALE_CLIENTS", 16),
    scaleCustomers: number("BENCH_SCALE_CUSTOMERS", 8),
    scaleCheckouts: number("BENCH_SCALE_CHECKOUTS", 40),
    scaleItems: number("BENCH_SCALE_ITEMS", 8),
    scaleRounds: number("BENCH_SCALE_ROUNDS", 2),
  }
  if (config.items.length !== 2 || !config.items.every((n) => Number.isInteger(n) && n >= 4)) {
    throw new Error("BENCH_ITEMS must be two whole numbers ≥ 4, e.g. 1000,10000")
  }
  return config
}

module.exports = { readConfig }
