/** Prints the result rows as an aligned text table. */

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

module.exports = { printTable }
