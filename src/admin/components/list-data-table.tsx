import {
  Container,
  DataTable,
  Heading,
  Text,
  type DataTableEmptyStateContent,
  type UseDataTableReturn,
} from "@medusajs/ui"
import type { ReactNode } from "react"
import { SectionError } from "./section-states"

export type ListDataTableProps<TData> = {
  instance: UseDataTableReturn<TData>
  heading: string
  description: string
  /** Buttons at the right of the toolbar (Create, Export…). */
  actions?: ReactNode
  /** Shown at the right of the filter bar (a filter the menu does not offer). */
  filterBarContent?: ReactNode
  searchPlaceholder?: string
  /** What an empty list says; the page knows why it is empty. */
  emptyState: DataTableEmptyStateContent
  error?: Error | null
  onRetry?: () => void
  isFetching?: boolean
  /** On the table's wrapper, for tests and screenshots. */
  testId: string
  /** On the toolbar's controls. */
  toolbarTestId?: string
}

/**
 * A list page as Medusa's dashboard lays one out: a DataTable with the
 * heading, search, filter and sort menus in its toolbar, the designed empty
 * state, a failed load with a retry instead of the rows, and paging.
 */
export const ListDataTable = <TData,>({
  instance,
  heading,
  description,
  actions,
  filterBarContent,
  searchPlaceholder = "Search",
  emptyState,
  error,
  onRetry,
  isFetching,
  testId,
  toolbarTestId,
}: ListDataTableProps<TData>) => (
  <Container className="divide-y p-0">
    <DataTable instance={instance}>
      <DataTable.Toolbar
        className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
        filterBarContent={filterBarContent}
      >
        <div>
          <Heading>{heading}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2" data-testid={toolbarTestId}>
          {instance.enableSearch && <DataTable.Search placeholder={searchPlaceholder} />}
          {instance.enableFiltering && (
            <div data-testid="filter-menu">
              <DataTable.FilterMenu tooltip="Filter" />
            </div>
          )}
          {instance.enableSorting && (
            <div data-testid="sorting-menu">
              <DataTable.SortingMenu tooltip="Sort" />
            </div>
          )}
          {actions}
        </div>
      </DataTable.Toolbar>
      {error ? (
        <SectionError message={error.message} onRetry={onRetry} />
      ) : (
        <>
          <div data-testid={testId} aria-busy={isFetching}>
            <DataTable.Table emptyState={{ empty: emptyState, filtered: emptyState }} />
          </div>
          <DataTable.Pagination />
        </>
      )}
    </DataTable>
  </Container>
)
