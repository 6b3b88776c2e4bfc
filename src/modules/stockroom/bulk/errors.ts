import { MedusaError } from "@medusajs/framework/utils"

/** One refused row of a batch: its position in the request and why. */
export type BatchRowError = { index: number; message: string }

/** The most a batch request may carry. */
export const MAX_BATCH_ROWS = 10_000

/**
 * The message of a refused batch: every bad row as `field[index]: why`,
 * in index order, so a caller (or the CSV import) can point at each line.
 */
export function describeBatchErrors(
  field: string,
  total: number,
  errors: BatchRowError[]
): string {
  const sorted = [...errors].sort((a, b) => a.index - b.index)
  const rows = sorted.map((error) => `${field}[${error.index}]: ${error.message}`)
  const count = new Set(sorted.map((error) => error.index)).size
  return `${count} of ${total} ${field} ${count === 1 ? "is" : "are"} invalid; nothing was written. ${rows.join("; ")}`
}

/** Refuses a whole batch for its bad rows (NOT_FOUND when every problem is an unknown reference). */
export function batchRowsError(
  field: string,
  total: number,
  errors: BatchRowError[],
  type: string = MedusaError.Types.INVALID_DATA
): MedusaError {
  return new MedusaError(type, describeBatchErrors(field, total, errors))
}
