import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import type { NotificationStatus } from "../hooks/demand"
import { SectionError, SectionLoading } from "./section-states"

export type NotificationsCardProps = {
  status?: NotificationStatus
  isLoading: boolean
  error: string | null
  onRetry: () => void
}

/** Back-in-stock emails: sent, or waiting for a notification provider for `email`. */
export const NotificationsCard = ({ status, isLoading, error, onRetry }: NotificationsCardProps) => (
  <Container className="divide-y p-0" data-testid="stockroom-notifications">
    <div className="px-6 py-4">
      <Heading level="h2">Back-in-stock emails</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Shoppers told once when a variant they wait for is sellable again
      </Text>
    </div>
    {isLoading ? (
      <SectionLoading rows={2} />
    ) : error || !status ? (
      <SectionError message={error ?? "No answer"} onRetry={onRetry} />
    ) : (
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <StatusBadge color={status.email_provider ? "green" : "orange"}>
            {status.email_provider ? "Sending" : "Waiting for an email provider"}
          </StatusBadge>
          <Text size="small" className="text-ui-fg-subtle">
            {status.waiting_subscribers} waiting · template {status.back_in_stock_template}
          </Text>
        </div>
        {!status.email_provider && (
          <Text size="small">
            No notification provider handles the email channel. Subscriptions are kept; register
            one in medusa-config (keep one for feed too) and they are sent when stock comes back.
          </Text>
        )}
      </div>
    )}
  </Container>
)
