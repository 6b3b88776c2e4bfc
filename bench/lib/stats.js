/** Order statistics for latency samples (milliseconds). */

function quantile(samples, q) {
  if (!samples.length) {
    return NaN
  }
  const sorted = [...samples].sort((a, b) => a - b)
  // Nearest-rank: the smallest sample with at least q of them at or below it.
  const rank = Math.max(1, Math.ceil(q * sorted.length))
  return sorted[rank - 1]
}

const median = (samples) => quantile(samples, 0.5)
const p95 = (samples) => quantile(samples, 0.95)

module.exports = { quantile, median, p95 }
