import { StatusBadge } from "@medusajs/ui"
import { humanize } from "../lib/format"
import type { StockCountState } from "../lib/types"

/** Counting is blue, booked green, dropped grey. */
const STOCK_COUNT_STATE_COLORS: Record<StockCountState, "green" | "blue" | "grey"> = {
  open: "blue",
  applied: "green",
  canceled: "grey",
}

export const StockCountStateBadge = ({ state }: { state: StockCountState }) => (
  <StatusBadge color={STOCK_COUNT_STATE_COLORS[state] ?? "grey"} className="text-nowrap" data-state={state}>
    {humanize(state)}
  </StatusBadge>
)
