import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { ActionContext } from "../context"
import { lockOrderUnits, lockStockItemsAt } from "../ledger/locks"
import { EMPTY_LEDGER_RESULT, recordDrift } from "../ledger/record"
import { pairKey, pairParams, placeholders } from "../ledger/sql"
import { liveHoldsSql } from "../checkout/live-holds"
import { releaseCartHold } from "../checkout/holds"
import type { DriftAttribution } from "../ledger/book"
import { CheckoutShortfall, describeCheckoutShortfalls } from "../lib/shortfall"
import type {
  CheckoutHoldRow,
  InventoryUnitState,
  LedgerResult,
  OrderUnitLineInput,
  PlaceOrderUnitsInput,
  StockItemRef,
} from "../types"
import { fillBackorders, freeStock } from "../units/backorders"
import { insertUnits, NewUnitRow } from "../units/rows"

/**
 * Order placed: units per line and inventory item at the location Medusa
 * reserved, on_hand up to the free physical stock there, the rest
 * backordered; the reservation Medusa made is ledgered as `allocated`.
 * Idempotent: only what the order's units do not cover yet is created.
 *
 * The cart's own checkout hold is consumed in the same transaction
 * (`released_hold`), so no other cart ever sees this order's units and its
 * hold at once: between the two commits a holder could be refused stock
 * that is in fact still free.
 */
export async function placeOrderUnits(
  context: ActionContext,
  input: PlaceOrderUnitsInput
): Promise<LedgerResult & { created: boolean; released_hold: CheckoutHoldRow[] }> {
  const { manager, options } = context
  // Serialises redelivered and concurrent events for one order.
  await lockOrderUnits(manager, input.order_id)
  const { lines, orderedAt } = await linesNotYetCovered(context, input)
  if (!lines.length) {
    const released_hold = input.cart_id ? await releaseCartHold(context, input.cart_id) : []
    return { ...EMPTY_LEDGER_RESULT(), created: false, released_hold }
  }
  const tracked = lines.filter(
    (line): line is typeof line & StockItemRef => !!line.inventory_item_id && !!line.location_id
  )
  const locked = await lockStockItemsAt(manager, tracked)
  // Stock that arrived while no reconciliation could book it (it waits
  // while a checkout is in progress) goes to the backorders already
  // waiting before this order takes any.
  const fills = await fillBackorders(manager, locked.items)
  const free = await freeStock(manager, locked)
  // Other carts' live checkout holds keep their stock from this order: read
  // with the stock items locked, which a new hold must lock too, so a hold
  // made while this check runs waits for it and then sees the order.
  for (const [key, held] of await heldByOtherCarts(context, locked.items, input.cart_id ?? null)) {
    if (free.has(key)) {
      free.set(key, free.get(key)! - held)
    }
  }

  const units: NewUnitRow[] = []
  const unit = (line: OrderUnitLineInput, state: InventoryUnitState, quantity: number) => ({
    id: generateEntityId(undefined, "iunit"),
    order_id: input.order_id,
    line_item_id: line.line_item_id,
    variant_id: line.variant_id,
    inventory_item_id: line.inventory_item_id,
    location_id: line.location_id,
    state,
    quantity,
    ordered_at: orderedAt,
  })
  const refused: CheckoutShortfall[] = []
  for (const line of lines) {
    const key = line.inventory_item_id && line.location_id ? pairKey(line as StockItemRef) : null
    if (!key || !free.has(key)) {
      units.push(unit(line, "on_hand", line.quantity))
      continue
    }
    const freeBefore = Math.max(free.get(key)!, 0)
    const onHand = Math.min(line.quantity, freeBefore)
    free.set(key, free.get(key)! - onHand)
    if (onHand > 0) {
      units.push(unit(line, "on_hand", onHand))
    }
    if (line.quantity - onHand > 0) {
      units.push(unit(line, "backordered", line.quantity - onHand))
      // With backorders off this is the last word on overselling: the stock
      // items are locked, so concurrent checkouts cannot both take the last
      // unit. (Where backorders are allowed, the cart's validate hook has
      // already required a backorderable stock item in the channel; Medusa
      // chooses the location it reserves at.)
      if (input.within_checkout && !options.allow_backorders) {
        refused.push({
          variant_id: line.variant_id,
          inventory_item_id: line.inventory_item_id!,
          location_id: line.location_id!,
          requested: line.quantity,
          available: freeBefore,
        })
      }
    }
  }
  if (refused.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, describeCheckoutShortfalls(refused))
  }
  await insertUnits(manager, units)

  const attributions = new Map<string, DriftAttribution>()
  for (const item of locked.items) {
    const ordered = tracked
      .filter((line) => pairKey(line) === pairKey(item))
      .reduce((sum, line) => sum + line.quantity, 0)
    attributions.set(item.id, {
      kind: "allocated",
      // Medusa's reservation is certainly in the level by now — the hook
      // runs after Medusa reserved, and `order.placed` or the exchange,
      // claim and edit events only once its workflow finished — and units
      // are created once per line (a redelivered event stops above). Another
      // checkout's, the level subscriber's or another process's write may
      // have ledgered it unattributed: the order reclaims it.
      trust_expected: true,
      expected_quantity: -ordered,
      expected_stocked_change: 0,
      originator_type: "order",
      originator_id: input.order_id,
      note: null,
    })
  }
  // No fill after: a new order takes stock, it frees none.
  const { movements, signals } = await recordDrift(context, locked, attributions)
  const released_hold = input.cart_id ? await releaseCartHold(context, input.cart_id) : []
  return { movements, signals, ...fills, created: true, released_hold }
}

/** What live checkout holds of carts other than `cartId` keep, per locked stock item (`pairKey`). */
async function heldByOtherCarts(
  { manager }: ActionContext,
  items: StockItemRef[],
  cartId: string | null
): Promise<Map<string, number>> {
  if (!items.length) {
    return new Map()
  }
  const rows = await manager.execute(
    `SELECT si.inventory_item_id, si.location_id, ${liveHoldsSql("si", { exceptCart: true })} AS held
       FROM (VALUES ${placeholders(items.length, "(?, ?)")}) AS si(inventory_item_id, location_id)`,
    [cartId, ...pairParams(items)]
  )
  return new Map(rows.filter((row) => Number(row.held) > 0).map((row) => [pairKey(row), Number(row.held)]))
}

/**
 * The order's lines less what its units already cover: a redelivered event
 * creates nothing, and an exchange, claim or edit that adds items creates
 * units for those alone (queued from now, not from the order date).
 */
async function linesNotYetCovered({ manager }: ActionContext, input: PlaceOrderUnitsInput) {
  const existing = await manager.execute(
    `SELECT line_item_id, inventory_item_id, SUM(quantity) AS quantity FROM inventory_unit
      WHERE order_id = ? AND state <> 'canceled' AND deleted_at IS NULL
      GROUP BY line_item_id, inventory_item_id`,
    [input.order_id]
  )
  const covered = new Map<string, number>(
    existing.map((row) => [`${row.line_item_id}|${row.inventory_item_id ?? ""}`, Number(row.quantity)])
  )
  const lines = input.lines
    .map((line) => ({
      ...line,
      quantity:
        line.quantity - (covered.get(`${line.line_item_id}|${line.inventory_item_id ?? ""}`) ?? 0),
    }))
    .filter((line) => line.quantity > 0)
  return { lines, orderedAt: existing.length ? new Date() : input.ordered_at }
}
