import { useSearchParams } from "react-router-dom"

/**
 * A list page's filters and page, kept in the URL so a view can be
 * bookmarked or shared. `update` sets the given keys (an empty value removes
 * one) and, unless told otherwise, goes back to the first page.
 */
export function useUrlListState() {
  const [searchParams, setSearchParams] = useSearchParams()
  const read = (key: string) => searchParams.get(key) || undefined
  const pageIndex = Math.max(0, Number(read("page") ?? 1) - 1)

  const update = (patch: Record<string, string | undefined>, resetPage = true) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current)
      for (const [key, value] of Object.entries(patch)) {
        if (value) {
          next.set(key, value)
        } else {
          next.delete(key)
        }
      }
      if (resetPage) {
        next.delete("page")
      }
      return next
    })

  /** Shows the page at this 0-based index; the URL counts pages from 1. */
  const goToPage = (index: number) => update({ page: String(index + 1) }, false)

  return { read, pageIndex, update, goToPage }
}
