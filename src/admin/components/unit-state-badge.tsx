import { StatusBadge } from "@medusajs/ui"
import { humanize, UNIT_STATE_COLORS } from "../lib/format"
import type { InventoryUnitState } from "../lib/types"

export const UnitStateBadge = ({ state }: { state: InventoryUnitState }) => (
  <StatusBadge color={UNIT_STATE_COLORS[state] ?? "grey"} className="text-nowrap">
    {state === "on_hand" ? "On hand" : humanize(state)}
  </StatusBadge>
)
