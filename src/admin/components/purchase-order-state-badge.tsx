import { StatusBadge } from "@medusajs/ui"
import { humanize } from "../lib/format"
import type { PurchaseOrderState } from "../lib/types"

/** Drafts are grey, goods on their way blue/orange, done green, canceled red. */
const PURCHASE_ORDER_STATE_COLORS: Record<PurchaseOrderState, "green" | "red" | "blue" | "orange" | "grey"> = {
  draft: "grey",
  ordered: "blue",
  partially_received: "orange",
  received: "green",
  canceled: "red",
}

export const PurchaseOrderStateBadge = ({ state }: { state: PurchaseOrderState }) => (
  <StatusBadge color={PURCHASE_ORDER_STATE_COLORS[state] ?? "grey"} className="text-nowrap" data-state={state}>
    {humanize(state)}
  </StatusBadge>
)
