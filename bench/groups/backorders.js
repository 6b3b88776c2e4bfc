/**
 * The backorders group: for each of the two BENCH_BACKORDERS sizes, orders
 * placed through the store API on an inventory item with nothing in stock,
 * then ONE receipt filling every backordered unit
 * (scenarios/backorder-fill.js), in the store with Stockroom that
 * groups/units.js sets up.
 */
const { ms, seconds, thousands, mark, printCheck, auditProblemLines } = require("../lib/report")
const { placeBackorders, timeBackorderFill } = require("../scenarios/backorder-fill")

// The shop's product keys of the two sizes, small then large.
const SIZE_KEYS = ["small", "large"]

/**
 * The product variants each size needs in the shop: one inventory item with
 * 0 in stock shared by as many variants as an order has lines.
 */
function shopVariants(config) {
  return SIZE_KEYS.map((key, i) => ({ key, stocked: 0, variants: config.backorders[i].lines }))
}

/**
 * @param {import("../lib/bench-run").BenchRun} bench
 * @param {{store, setup, shop}} side  the store with Stockroom
 */
async function run(bench, { store, setup, shop }) {
  const { config, log } = bench
  const fills = []
  for (const [i, key] of SIZE_KEYS.entries()) {
    const size = config.backorders[i]
    log(
      `backorders: placing ${size.orders} orders × ${size.lines} lines × ${size.unitsPerLine} units ` +
        `(${size.units} units) through the store API, ${config.orderConcurrency} in flight`
    )
    const placed = await placeBackorders(shop, setup, {
      key,
      orders: size.orders,
      lines: size.lines,
      quantity: size.unitsPerLine,
      concurrency: config.orderConcurrency,
      log,
    })
    await store.quiet("after placing orders")
    log(`backorders: one receipt of +${size.units} filling ${size.units} backordered units`)
    const fill = await timeBackorderFill(store, setup, { key, units: size.units })
    fills.push({ ...size, ...fill, placingSeconds: placed.seconds })
  }
  return fills
}

function rows(fills) {
  const [small, large] = fills
  const growth = large.seconds / small.seconds
  const expected = large.units / small.units
  return [
    ...fills.map((f) => ({
      metric: `backorder fill, ${thousands(f.units)} units (1 receipt)`,
      stockroom: ms(f.seconds * 1000),
    })),
    {
      metric: `same receipts, nothing to fill (${thousands(small.units)} / ${thousands(large.units)})`,
      stockroom: `${(small.baselineSeconds * 1000).toFixed(1)} / ${ms(large.baselineSeconds * 1000)}`,
    },
    {
      metric: `fill growth ${thousands(large.units)} / ${thousands(small.units)}`,
      stockroom: `${growth.toFixed(1)}×`,
      goal: `~${expected.toFixed(0)}× = linear`,
    },
  ]
}

/** One line per fill; false when a fill left a unit behind or the audit failed. */
function details(fills) {
  let ok = true
  for (const f of fills) {
    const filled = f.allOnHand && f.audit.ok && f.filledAtResponse === f.units
    printCheck(
      filled,
      `  ${mark(f.allOnHand && f.audit.ok)} fill ${f.units} units ` +
        `(${f.orders} orders × ${f.lines} lines × ${f.unitsPerLine}, ${f.unitRows} unit rows; ` +
        `placed in ${seconds(f.placingSeconds)}): ` +
        `receipt answered in ${ms(f.seconds * 1000)} (${ms(f.baselineSeconds * 1000)} with nothing to fill) with ` +
        `${f.filledAtResponse} on_hand, store idle after ` +
        `${seconds(f.busyFor)}; afterwards ${f.onHand} on_hand ${JSON.stringify(f.after)}, audit ok=${f.audit.ok} ` +
        `(${f.audit.checked} stock items)`
    )
    if (!filled) {
      ok = false
      auditProblemLines(f.audit).forEach((line) => console.error(line))
      if (f.filledAtResponse !== f.units) {
        console.error(`         only ${f.filledAtResponse} of ${f.units} units were on_hand when the receipt answered`)
      }
    }
  }
  return ok
}

module.exports = { shopVariants, run, rows, details }
