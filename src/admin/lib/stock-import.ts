/**
 * Reading a stock CSV for the import drawer: `sku,location,on_hand`
 * (absolute physical levels) or `sku,location,quantity,reason_code,note`
 * (movements). `location` is a stock location's id or its name. Rows the
 * file itself gets wrong are reported per line; the server checks the rest.
 */

export type ImportKind = "levels" | "movements"

export type ImportLocation = { id: string; name: string }

export type LevelImportRow = { line: number; sku: string; location_id: string; on_hand: number }
export type MovementImportRow = {
  line: number
  sku: string
  location_id: string
  quantity: number
  reason_code?: string
  note?: string
}

export type LineError = { line: number; message: string }

export type ParsedImport =
  | { kind: "levels"; rows: LevelImportRow[]; errors: LineError[] }
  | { kind: "movements"; rows: MovementImportRow[]; errors: LineError[] }
  | { kind: null; rows: []; errors: LineError[] }

/** The largest batch the routes take; bigger files go in several batches. */
export const IMPORT_BATCH_SIZE = 10_000

const LEVEL_HEADER = ["sku", "location", "on_hand"]
const MOVEMENT_HEADER = ["sku", "location", "quantity", "reason_code", "note"]

/** Splits CSV text into records (RFC 4180 quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ",") {
      record.push(field)
      field = ""
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") {
        i++
      }
      record.push(field)
      records.push(record)
      record = []
      field = ""
    } else {
      field += char
    }
  }
  if (field !== "" || record.length) {
    record.push(field)
    records.push(record)
  }
  return records
}

const sameColumns = (header: string[], expected: string[]) =>
  header.length === expected.length && header.every((column, i) => column === expected[i])

/** Reads the file: which kind it is, its rows, and the lines it gets wrong itself (line 1 is the header). */
export function parseStockImport(text: string, locations: ImportLocation[]): ParsedImport {
  const records = parseCsv(text.replace(/^\uFEFF/, ""))
  const header = (records[0] ?? []).map((column) => column.trim().toLowerCase())
  const kind: ImportKind | null = sameColumns(header, LEVEL_HEADER)
    ? "levels"
    : sameColumns(header, MOVEMENT_HEADER)
      ? "movements"
      : null
  if (!kind) {
    return {
      kind: null,
      rows: [],
      errors: [
        {
          line: 1,
          message: `The header must be "${LEVEL_HEADER.join(",")}" or "${MOVEMENT_HEADER.join(",")}"`,
        },
      ],
    }
  }
  const byId = new Map(locations.map((location) => [location.id, location.id]))
  const byName = new Map(locations.map((location) => [location.name.trim().toLowerCase(), location.id]))
  const errors: LineError[] = []
  const levels: LevelImportRow[] = []
  const movements: MovementImportRow[] = []
  records.slice(1).forEach((record, offset) => {
    const line = offset + 2
    if (record.every((value) => value.trim() === "")) {
      return
    }
    const [sku, location, amount, reasonCode, note] = record.map((value) => value.trim())
    const problems: string[] = []
    if (record.length !== header.length) {
      problems.push(`expected ${header.length} columns, found ${record.length}`)
    }
    if (!sku) {
      problems.push("sku is empty")
    }
    const locationId = byId.get(location) ?? byName.get((location ?? "").toLowerCase())
    if (!locationId) {
      problems.push(location ? `no stock location is named or has id "${location}"` : "location is empty")
    }
    const column = kind === "levels" ? "on_hand" : "quantity"
    const value = Number(amount)
    if (!/^[+-]?\d+$/.test(amount ?? "")) {
      problems.push(`${column} must be a whole number, got "${amount ?? ""}"`)
    } else if (kind === "levels" && value < 0) {
      problems.push("on_hand must be at least 0")
    } else if (kind === "movements" && value === 0) {
      problems.push("quantity must not be zero")
    }
    if (problems.length) {
      errors.push({ line, message: problems.join("; ") })
      return
    }
    if (kind === "levels") {
      levels.push({ line, sku, location_id: locationId!, on_hand: value })
    } else {
      movements.push({
        line,
        sku,
        location_id: locationId!,
        quantity: value,
        ...(reasonCode ? { reason_code: reasonCode } : {}),
        ...(note ? { note } : {}),
      })
    }
  })
  return kind === "levels"
    ? { kind, rows: levels, errors }
    : { kind, rows: movements, errors }
}

/**
 * The server's refusal of a batch, per file line: its message names each
 * bad row as `levels[i]: why` / `movements[i]: why`, i counted in the batch
 * that was sent.
 */
export function lineErrorsFromServer(
  message: string,
  batch: { line: number }[]
): LineError[] {
  const errors: LineError[] = []
  const pattern = /(?:levels|movements)\[(\d+)\]: (.*?)(?=; (?:levels|movements)\[\d+\]: |$)/g
  for (const match of message.matchAll(pattern)) {
    const row = batch[Number(match[1])]
    if (row) {
      errors.push({ line: row.line, message: match[2] })
    }
  }
  return errors
}

/** The rows in batches the routes accept. */
export function inBatches<T>(rows: T[], size = IMPORT_BATCH_SIZE): T[][] {
  const batches: T[][] = []
  for (let start = 0; start < rows.length; start += size) {
    batches.push(rows.slice(start, start + size))
  }
  return batches
}
