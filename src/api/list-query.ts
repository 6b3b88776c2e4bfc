import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** The largest page an admin list returns. */
export const MAX_LIST_LIMIT = 1000

/** `limit` on its own, for a list whose default is every row. */
export const limitParam = z.coerce.number().int().min(1).max(MAX_LIST_LIMIT)

/**
 * A list's paging and selection params, like Medusa's `createFindParams`
 * but bounded: `offset` ≥ 0, `limit` 1–1000, `order` defaulting to the
 * route's own order, `fields`. A route extends it with its filters.
 */
export function createListParams({ order, limit = 50 }: { order: string; limit?: number }) {
  return z.object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: limitParam.default(limit),
    order: z.string().optional().default(order),
    fields: z.string().optional(),
  })
}

export type ListOrder = { field: string; direction: "ASC" | "DESC" }

/**
 * The list's order from `req.queryConfig`. Medusa's query config already
 * refuses a field outside `allowed`; `allowed` also names relations and
 * computed values that can be selected but not sorted on, so the order is
 * checked once more against the fields the list can sort by, with Medusa's
 * own error.
 */
export function listOrderOf(
  req: Pick<MedusaRequest, "queryConfig">,
  orderable: readonly string[]
): ListOrder {
  const [field, direction] = Object.entries(req.queryConfig.pagination.order ?? {})[0] ?? []
  if (!field || !orderable.includes(field) || typeof direction !== "string") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Order field ${field} is not valid`)
  }
  return { field, direction: direction.toUpperCase() === "DESC" ? "DESC" : "ASC" }
}

/**
 * The top-level keys a response row keeps: those `fields` asked for
 * (a relation's `items.*` keeps `items`) and always `id`. Undefined when the
 * caller gave no `fields`, so the row goes out whole.
 */
export function selectedKeys(
  req: Pick<MedusaRequest, "queryConfig" | "validatedQuery">
): Set<string> | undefined {
  if (req.validatedQuery.fields === undefined) {
    return undefined
  }
  return new Set(["id", ...req.queryConfig.fields.map((field) => field.split(".")[0])])
}

/** Rows cut down to the keys `fields` selected (see `selectedKeys`). */
export function withSelectedFields<T extends object>(
  req: Pick<MedusaRequest, "queryConfig" | "validatedQuery">,
  rows: T[]
): Partial<T>[] {
  const keys = selectedKeys(req)
  if (!keys) {
    return rows
  }
  return rows.map(
    (row) =>
      Object.fromEntries(Object.entries(row).filter(([key]) => keys.has(key))) as Partial<T>
  )
}
