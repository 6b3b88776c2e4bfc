import { useMutation, useQueryClient } from "@tanstack/react-query"
import { stockItemsQueryKeys, stockMovementsQueryKeys } from "../lib/query-keys"
import type { StockroomResponse } from "../../client"
import { stockroom } from "../lib/sdk"
import {
  inBatches,
  type LevelImportRow,
  type MovementImportRow,
  type ParsedImport,
} from "../lib/stock-import"

type SetStockLevelsResponse = StockroomResponse<"adminSetStockLevels">
type LevelPreviewResponse = Extract<SetStockLevelsResponse, { preview: unknown }>
type LevelsSetResponse = Exclude<SetStockLevelsResponse, LevelPreviewResponse>

export type LevelPreviewRow = LevelPreviewResponse["preview"][number]

/** A failed batch: the server's message and the rows that were sent, to map it to file lines. */
export class ImportBatchError extends Error {
  constructor(
    message: string,
    readonly batch: { line: number }[]
  ) {
    super(message)
  }
}

const levelBody = ({ sku, location_id, on_hand }: LevelImportRow) => ({ sku, location_id, on_hand })
const movementBody = ({ line: _line, ...row }: MovementImportRow) => row

/** What setting the file's levels would change, batch by batch; writes nothing. */
export const usePreviewStockLevels = () =>
  useMutation({
    mutationFn: async (rows: LevelImportRow[]) => {
      const preview: (LevelPreviewRow & { line: number })[] = []
      for (const batch of inBatches(rows)) {
        try {
          // `preview: true` is answered with the preview, never applied.
          const response = (await stockroom.adminSetStockLevels({
            body: { preview: true, levels: batch.map(levelBody) },
          })) as LevelPreviewResponse
          preview.push(...response.preview.map((row) => ({ ...row, line: batch[row.index].line })))
        } catch (error) {
          throw new ImportBatchError((error as Error).message, batch)
        }
      }
      return preview
    },
  })

export type ImportProgress = { done: number; total: number }
export type ImportOutcome = { changed: number; unchanged: number; rows: number }

/**
 * Applies the file in batches of up to 10,000 rows (each all or nothing),
 * reporting progress after each; stops at the first refused batch.
 */
export const useApplyStockImport = (onProgress: (progress: ImportProgress) => void) => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (parsed: ParsedImport): Promise<ImportOutcome> => {
      const total = parsed.rows.length
      let done = 0
      let changed = 0
      let unchanged = 0
      onProgress({ done, total })
      const batches: { line: number }[][] = inBatches<{ line: number }>(parsed.rows)
      for (const batch of batches) {
        try {
          if (parsed.kind === "levels") {
            // Without `preview`, the answer is what was set.
            const result = (await stockroom.adminSetStockLevels({
              body: { levels: (batch as LevelImportRow[]).map(levelBody) },
            })) as LevelsSetResponse
            changed += result.changed
            unchanged += result.unchanged
          } else {
            const result = await stockroom.adminCreateStockMovementBatch({
              body: { movements: (batch as MovementImportRow[]).map(movementBody) },
            })
            changed += result.count
          }
        } catch (error) {
          throw new ImportBatchError((error as Error).message, batch)
        } finally {
          queryClient.invalidateQueries({ queryKey: stockItemsQueryKeys.all })
          queryClient.invalidateQueries({ queryKey: stockMovementsQueryKeys.all })
        }
        done += batch.length
        onProgress({ done, total })
      }
      return { changed, unchanged, rows: total }
    },
  })
}
