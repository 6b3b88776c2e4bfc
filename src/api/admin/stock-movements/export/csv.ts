import {
  STOCK_MOVEMENT_COLUMNS,
  type StockMovementDTO,
} from "../../../../modules/stockroom/types"

/** The export's columns, in order (the stored ones, `created_at` second); the header row uses these names. */
export const STOCK_MOVEMENT_CSV_COLUMNS = [
  "id",
  "created_at",
  ...STOCK_MOVEMENT_COLUMNS.slice(1),
] as const

/** Free text an admin typed; the only columns a spreadsheet could mistake for a formula. */
const FREE_TEXT = new Set<string>(["reason", "note", "metadata"])

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line
 * break, with quotes doubled. Free text starting with `= + - @` or a tab is
 * prefixed with `'` so a spreadsheet opening the file shows it as text
 * instead of running it as a formula.
 */
export function csvField(value: unknown, column?: string): string {
  if (value === null || value === undefined) {
    return ""
  }
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "object"
        ? JSON.stringify(value)
        : String(value)
  if (column && FREE_TEXT.has(column) && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export type StockMovementCsvColumn = (typeof STOCK_MOVEMENT_CSV_COLUMNS)[number]

export function csvHeader(
  columns: readonly StockMovementCsvColumn[] = STOCK_MOVEMENT_CSV_COLUMNS
): string {
  return `${columns.join(",")}\r\n`
}

export function csvRow(
  movement: StockMovementDTO,
  columns: readonly StockMovementCsvColumn[] = STOCK_MOVEMENT_CSV_COLUMNS
): string {
  const createdAt =
    movement.created_at instanceof Date
      ? movement.created_at
      : new Date(movement.created_at)
  return `${columns.map((column) =>
    csvField(column === "created_at" ? createdAt : movement[column], column)
  ).join(",")}\r\n`
}
