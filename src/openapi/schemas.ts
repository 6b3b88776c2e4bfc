import { z } from "@medusajs/framework/zod"

/**
 * Building blocks of response schemas. Responses are described as loose
 * objects: the fields a client may rely on are required and typed, and a
 * row cut down by `fields` or a field added later does not break a reader.
 */

/** A timestamp as JSON carries it. */
export const timestamp = z.string().describe("ISO 8601 date-time")
export const nullableTimestamp = timestamp.nullable()
/** A calendar date (`YYYY-MM-DD`). */
export const calendarDate = z.string().describe("YYYY-MM-DD")

/** `{<plural>, count, offset, limit}` */
export function listResponse<const K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.looseObject({
    [key]: z.array(item),
    count: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
  } as { [P in K]: z.ZodArray<T> } & {
    count: z.ZodNumber
    offset: z.ZodNumber
    limit: z.ZodNumber
  })
}

/** `{<singular>}` */
export function oneResponse<const K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.looseObject({ [key]: item } as { [P in K]: T })
}

/**
 * A list row: a list may be cut down to the keys `fields` asked for, so
 * every key but `id` may be absent.
 */
export function selectable<S extends z.ZodRawShape & { id: z.ZodString }>(shape: S) {
  return z.looseObject(shape).partial().extend({ id: z.string() })
}

/** Medusa's error body. */
export const ErrorResponse = z.looseObject({
  type: z.string().optional(),
  message: z.string(),
})
