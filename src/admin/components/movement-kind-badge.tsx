import { StatusBadge } from "@medusajs/ui"
import { humanize, KIND_COLORS } from "../lib/format"
import type { StockMovementKind } from "../lib/types"

export const MovementKindBadge = ({ kind }: { kind: StockMovementKind }) => (
  <StatusBadge color={KIND_COLORS[kind] ?? "grey"} className="text-nowrap">
    {humanize(kind)}
  </StatusBadge>
)
