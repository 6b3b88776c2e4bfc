import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import {
  BatchRowError,
  describeBatchErrors,
  MAX_BATCH_ROWS,
} from "../../../../modules/stockroom/bulk/errors"

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join(", ")
}

/**
 * Validates a batch body: the envelope strictly, then every row of `field`
 * on its own, so a refused batch names each bad row by index (400, nothing
 * written). At most MAX_BATCH_ROWS rows.
 */
export function validateBatchBody(
  envelope: z.ZodType,
  field: string,
  row: z.ZodType
) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = envelope.safeParse(req.body)
    if (!parsed.success) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, describeIssues(parsed.error)))
    }
    const body = parsed.data as Record<string, unknown>
    const rows = body[field] as unknown[]
    if (!rows.length) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must hold at least one row`))
    }
    if (rows.length > MAX_BATCH_ROWS) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `${field} may hold at most ${MAX_BATCH_ROWS} rows, got ${rows.length}`
        )
      )
    }
    const errors: BatchRowError[] = []
    const valid = rows.map((value, index) => {
      const result = row.safeParse(value)
      if (!result.success) {
        errors.push({ index, message: describeIssues(result.error) })
        return undefined
      }
      return result.data
    })
    if (errors.length) {
      return next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          describeBatchErrors(field, rows.length, errors)
        )
      )
    }
    req.validatedBody = { ...body, [field]: valid }
    next()
  }
}
