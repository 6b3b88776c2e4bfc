import { clx } from "@medusajs/ui"
import { signed } from "../lib/format"

/** A signed movement quantity: increases green, decreases red. */
export const SignedQuantity = ({ quantity }: { quantity: number }) => (
  <span
    className={clx(
      "txt-compact-small-plus tabular-nums",
      quantity > 0 ? "text-ui-fg-interactive" : "text-ui-fg-error"
    )}
  >
    {signed(quantity)}
  </span>
)
