import type { z } from "@medusajs/framework/zod"

export type HttpMethod = "GET" | "POST" | "DELETE"

/**
 * One Stockroom route as the OpenAPI document and the typed client see it:
 * the zod schemas that validate its request (the same ones its middleware
 * uses) and the zod schema of what it answers.
 */
export type StockroomOperation = {
  /** camelCase, unique: the document's operationId and the client's function name */
  id: string
  method: HttpMethod
  /** OpenAPI style: `/admin/stock-items/{id}` for the folder `admin/stock-items/[id]` */
  path: string
  summary: string
  description?: string
  query?: z.ZodType
  body?: z.ZodType
  response: z.ZodType
  /** the success status; 200 unless given */
  status?: number
  /** other success statuses answering the same schema (201 when created, 200 when it existed) */
  alsoStatus?: number[]
  /** `application/json` unless given (the ledger export answers CSV) */
  contentType?: "application/json" | "text/csv"
}

/**
 * Declares a route folder's operations. Every `src/api/**\/openapi.ts`
 * exports its list as `operations`; `npm run openapi` gathers them into
 * openapi.json and the client's route table.
 */
export function defineOperations<const T extends readonly StockroomOperation[]>(
  operations: T
): T {
  return operations
}
