import { BellAlert } from "@medusajs/icons"
import { Badge, Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

export type WaitingSubscribersProps = { waiting: number; isLoading: boolean }

/** How many shoppers asked to be told when this variant is back in stock. */
export const WaitingSubscribers = ({ waiting, isLoading }: WaitingSubscribersProps) => (
  <Container className="flex items-center justify-between px-6 py-4" data-testid="stockroom-waiting-subscribers">
    <div className="flex items-center gap-x-2">
      <BellAlert className="text-ui-fg-subtle" />
      <Text size="small" leading="compact" weight="plus">
        Waiting for back-in-stock
      </Text>
      <Badge size="2xsmall" color={waiting > 0 ? "orange" : "grey"}>
        {isLoading ? "…" : `${waiting} ${waiting === 1 ? "subscriber" : "subscribers"}`}
      </Badge>
    </div>
    <Link to="/demand" className="text-ui-fg-interactive txt-compact-small">
      Demand
    </Link>
  </Container>
)
