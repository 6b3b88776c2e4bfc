import type {
  DataTableFilteringState,
  DataTablePaginationState,
  DataTableSortingState,
} from "@medusajs/ui"
import { useState } from "react"
import { useUrlListState } from "./url-list-state"

type ReadParam = (key: string) => string | undefined

/** How one DataTable filter's value is kept in the URL. */
export type UrlFilter = {
  fromUrl: (read: ReadParam) => unknown
  /** Every key the filter owns, set or removed (`undefined`) from a value or none. */
  toUrl: (value: unknown) => Record<string, string | undefined>
}

/** A single-value (radio) filter kept as `key=value`, as the list routes take it. */
export const singleValueUrlFilter = (key: string): UrlFilter => ({
  fromUrl: (read) => read(key),
  toUrl: (value) => ({ [key]: typeof value === "string" && value ? value : undefined }),
})

/** `YYYY-MM-DD` of a date in the admin's own time zone. */
const localDay = (iso: string) => {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * A date-range filter kept as whole days (`from=YYYY-MM-DD&to=YYYY-MM-DD`):
 * readable in a shared link, and the range runs from the start of `from` to
 * the end of `to` in the admin's time zone.
 */
export const dayRangeUrlFilter = (fromKey: string, toKey: string): UrlFilter => ({
  fromUrl: (read) => {
    const from = read(fromKey)
    const to = read(toKey)
    if (!from && !to) {
      return undefined
    }
    return {
      ...(from ? { $gte: new Date(`${from}T00:00:00`).toISOString() } : {}),
      ...(to ? { $lte: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
    }
  },
  toUrl: (value) => {
    const range = (value ?? {}) as { $gte?: string; $lte?: string }
    return {
      [fromKey]: range.$gte ? localDay(range.$gte) : undefined,
      [toKey]: range.$lte ? localDay(range.$lte) : undefined,
    }
  },
})

const isEmptyValue = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === "" ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === "object" && !Array.isArray(value) && Object.values(value as object).every((v) => !v))

/** `-created_at` ↔ `{ id: "created_at", desc: true }`, the routes' `order` parameter. */
const parseOrder = (order?: string): DataTableSortingState | null =>
  order ? (order.startsWith("-") ? { id: order.slice(1), desc: true } : { id: order, desc: false }) : null

export type DataTableUrlStateOptions = {
  pageSize: number
  /** The page's filters by DataTable filter id. */
  filters?: Record<string, UrlFilter>
  /** The route's default `order`; sorting is on when given. */
  defaultOrder?: string
  /** The URL key of a free-text search; search is on when given. */
  searchKey?: string
}

/**
 * DataTable's controlled state (filters, sorting, search, page) read from and
 * written to the URL through `useUrlListState`, so a list stays bookmarkable.
 * A filter just added from the menu has no value yet: it is held here, not in
 * the URL, until one is picked.
 */
export function useDataTableUrlState({
  pageSize,
  filters = {},
  defaultOrder,
  searchKey,
}: DataTableUrlStateOptions) {
  const { read, pageIndex, update } = useUrlListState()
  const [pendingFilterIds, setPendingFilterIds] = useState<string[]>([])

  const filtering: DataTableFilteringState = {}
  for (const [id, filter] of Object.entries(filters)) {
    const value = filter.fromUrl(read)
    if (value !== undefined) {
      filtering[id] = value
    } else if (pendingFilterIds.includes(id)) {
      filtering[id] = null
    }
  }

  const onFilteringChange = (next: DataTableFilteringState) => {
    const patch: Record<string, string | undefined> = {}
    for (const [id, filter] of Object.entries(filters)) {
      Object.assign(patch, filter.toUrl(isEmptyValue(next[id]) ? undefined : next[id]))
    }
    setPendingFilterIds(Object.keys(next).filter((id) => isEmptyValue(next[id])))
    // Adding a filter without a value yet changes nothing the list reads: stay on this page.
    if (Object.entries(patch).some(([key, value]) => read(key) !== value)) {
      update(patch)
    }
  }

  const order = read("order")
  const sorting = defaultOrder
    ? {
        state: parseOrder(order ?? defaultOrder),
        onSortingChange: (next: DataTableSortingState | undefined) => {
          const value = next ? `${next.desc ? "-" : ""}${next.id}` : undefined
          update({ order: value === defaultOrder ? undefined : value })
        },
      }
    : undefined

  const search = searchKey
    ? {
        state: read(searchKey) ?? "",
        onSearchChange: (value: string) => update({ [searchKey]: value.trim() || undefined }),
      }
    : undefined

  const pagination = {
    state: { pageIndex, pageSize } as DataTablePaginationState,
    onPaginationChange: (next: DataTablePaginationState) =>
      update({ page: next.pageIndex > 0 ? String(next.pageIndex + 1) : undefined }, false),
  }

  return {
    read,
    update,
    /** What the list route takes: the page as offset/limit and, when sorted, `order`. */
    listQuery: {
      offset: pageIndex * pageSize,
      limit: pageSize,
      ...(order && defaultOrder ? { order } : {}),
    },
    pageIndex,
    /** Spread into `useDataTable`; `update` already goes back to the first page. */
    tableState: {
      filtering: Object.keys(filters).length ? { state: filtering, onFilteringChange } : undefined,
      sorting,
      search,
      pagination,
      autoResetPageIndex: false,
    },
  }
}
