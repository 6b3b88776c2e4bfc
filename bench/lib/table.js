/** The result rows, and printing them as an aligned text table. */

const COLUMNS = [
  ["metric", "metric"],
  ["stockroom", "Stockroom"],
  ["medusa", "Medusa"],
  ["ratio", "ratio"],
  ["goal", "goal"],
  ["met", "met?"],
]

function cell(row, key) {
  const value = row[key]
  if (key === "ratio") {
    return Number.isFinite(value) ? `${value.toFixed(2)}×` : "—"
  }
  if (key === "met") {
    return value === undefined ? "—" : value ? "yes" : "NO"
  }
  return value === undefined ? "—" : String(value)
}

/** `columns`: [key, title] pairs; Stockroom against Medusa unless given. */
function printTable(rows, columns = COLUMNS) {
  const cells = rows.map((row) => columns.map(([key]) => cell(row, key)))
  const widths = columns.map(([, title], i) =>
    Math.max(title.length, ...cells.map((line) => line[i].length))
  )
  const line = (values) =>
    values.map((value, i) => (i === 0 ? value.padEnd(widths[i]) : value.padStart(widths[i]))).join("  ")
  console.log(line(columns.map(([, title]) => title)))
  console.log(widths.map((w) => "-".repeat(w)).join("  "))
  cells.forEach((values) => console.log(line(values)))
}

/**
 * One row of Stockroom against Medusa, `format` writing both values;
 * `ratio` is stockroom ÷ medusa. The goal: `atMost` / `atLeast` a ratio
 * (then `met?` says whether it was), or `goal`, words only.
 */
function comparisonRow(metric, stockroom, medusa, format, { atMost, atLeast, goal } = {}) {
  const ratio = stockroom / medusa
  const row = { metric, stockroom: format(stockroom), medusa: format(medusa), ratio, goal }
  if (atMost !== undefined) {
    Object.assign(row, { goal: `≤ ${atMost}×`, met: ratio <= atMost })
  }
  if (atLeast !== undefined) {
    Object.assign(row, { goal: `≥ ${atLeast}×`, met: ratio >= atLeast })
  }
  return row
}

/**
 * The rows `<metric>, median` and `<metric>, p95` of two {median, p95}
 * results; `goals.median` / `goals.p95`: the goals of comparisonRow.
 */
function medianAndP95Rows(metric, stockroom, medusa, format, goals = {}) {
  return ["median", "p95"].map((statistic) =>
    comparisonRow(`${metric}, ${statistic}`, stockroom[statistic], medusa[statistic], format, goals[statistic])
  )
}

module.exports = { printTable, comparisonRow, medianAndP95Rows }
