import { ExclamationCircle, LockClosedSolid, MagnifyingGlass } from "@medusajs/icons"
import { Button, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** Placeholder rows while a section loads, shaped like the table to come. */
export const SectionLoading = ({ rows = 3 }: { rows?: number }) => (
  <div className="flex flex-col gap-y-3 px-6 py-4" aria-busy="true" aria-label="Loading">
    {Array.from({ length: rows }, (_, index) => (
      <Skeleton key={index} className="h-5 w-full" />
    ))}
  </div>
)

/** The dashboard's "no records" block: an icon, a title and what to do. */
export const SectionEmpty = ({
  title,
  description,
  action,
}: {
  title: string
  description?: string
  action?: ReactNode
}) => (
  <div className="flex min-h-[150px] flex-col items-center justify-center gap-y-2 px-6 py-8 text-center">
    <MagnifyingGlass className="text-ui-fg-subtle" />
    <Text size="small" leading="compact" weight="plus">
      {title}
    </Text>
    {description && (
      <Text size="small" className="text-ui-fg-muted">
        {description}
      </Text>
    )}
    {action}
  </div>
)

export const SectionError = ({
  message,
  onRetry,
}: {
  message: string
  onRetry?: () => void
}) => (
  <div
    role="alert"
    className="flex min-h-[150px] flex-col items-center justify-center gap-y-2 px-6 py-8 text-center"
  >
    <ExclamationCircle className="text-ui-fg-error" />
    <Text size="small" leading="compact" weight="plus">
      Could not load this section
    </Text>
    <Text size="small" className="text-ui-fg-muted">
      {message}
    </Text>
    {onRetry && (
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    )}
  </div>
)

/**
 * What the user may not see, shaped like Medusa's own "Access Denied" page:
 * a muted icon, what is withheld and the permissions that would open it.
 */
export const SectionNoAccess = ({
  description,
  permissions,
}: {
  description: string
  permissions: string[]
}) => (
  <div
    role="status"
    data-testid="stockroom-no-access"
    className="flex min-h-[150px] flex-col items-center justify-center gap-y-2 px-6 py-8 text-center"
  >
    <div className="bg-ui-bg-subtle flex h-10 w-10 items-center justify-center rounded-full">
      <LockClosedSolid className="text-ui-fg-muted" />
    </div>
    <Text size="small" leading="compact" weight="plus">
      Access denied
    </Text>
    <Text size="small" className="text-ui-fg-subtle">
      {description}
    </Text>
    {permissions.length > 0 && (
      <Text size="xsmall" className="text-ui-fg-muted">
        Required permission: {permissions.join(", ")}
      </Text>
    )}
  </div>
)

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : "Something went wrong"
