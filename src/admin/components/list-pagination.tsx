import { Table } from "@medusajs/ui"

type ListPaginationProps = {
  count: number
  pageSize: number
  /** 0-based */
  pageIndex: number
  onPageChange: (pageIndex: number) => void
}

/** The dashboard's table pagination for a list read a page at a time. */
export const ListPagination = ({ count, pageSize, pageIndex, onPageChange }: ListPaginationProps) => {
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onPageChange(pageIndex - 1)}
      nextPage={() => onPageChange(pageIndex + 1)}
    />
  )
}
