import { Container, Heading } from "@medusajs/ui"
import type { ReactNode } from "react"
import { usePermissions } from "../hooks/permissions"
import type { StockroomAction } from "../lib/permissions"
import { SectionLoading, SectionNoAccess } from "./section-states"

/**
 * Renders `children` only for a user who may `action` (usually a read).
 * Otherwise a card titled like the page or section it replaces says what is
 * withheld, so a page the user may not read explains itself instead of
 * failing with 403. Like the dashboard's PermissionGuard, the check is a
 * component: the children's queries never run for a user who lacks access.
 */
export const AccessGate = ({
  action,
  title,
  description,
  level = "h1",
  children,
}: {
  action: StockroomAction
  title: string
  /** "You don't have permission to …" */
  description: string
  level?: "h1" | "h2"
  children: ReactNode
}) => {
  const permissions = usePermissions()
  if (permissions.can(action)) {
    return <>{children}</>
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level={level}>{title}</Heading>
      </div>
      {permissions.isLoading ? (
        <SectionLoading />
      ) : (
        <SectionNoAccess description={description} permissions={permissions.missing(action)} />
      )}
    </Container>
  )
}
