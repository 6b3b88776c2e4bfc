import type { ActionContext } from "../context"
import { lockOrderUnits, lockStockItemsAt } from "../ledger/locks"
import { attributeAndFill, EMPTY_LEDGER_RESULT, PlacedAttribution } from "../ledger/record"
import { pairKey, placeholders } from "../ledger/sql"
import type { LedgerResult, ShipFulfillmentUnitsInput, StockItemRef } from "../types"
import { freeStock } from "../units/backorders"
import { assertBackorderShippingAllowed } from "../units/backorder-shipping"
import { hasUnits, moveUnit, moveUnitsInOrder, splitUnit } from "../units/rows"

/**
 * Fulfillment created: the order's on_hand units of each fulfilled line
 * become shipped (backordered ones too when allow_backorder_shipping is
 * on, refused otherwise), and the stock Medusa took is ledgered as
 * `shipped` with the fulfillment as originator. Idempotent per fulfillment.
 */
export async function shipFulfillmentUnits(
  context: ActionContext,
  input: ShipFulfillmentUnitsInput
): Promise<LedgerResult> {
  const { manager, options } = context
  await lockOrderUnits(manager, input.order_id)
  if (await hasUnits(manager, "fulfillment_id", input.fulfillment_id)) {
    return EMPTY_LEDGER_RESULT()
  }
  const items = input.items.filter((item) => item.quantity > 0)
  const shippedFrom = items.map((item) => ({
    inventory_item_id: item.inventory_item_id,
    location_id: input.location_id,
  }))
  // Lock the stock items first, so unit changes and the ledger agree.
  await lockStockItemsAt(manager, shippedFrom)
  const touched: StockItemRef[] = [...shippedFrom]
  const attributions: PlacedAttribution[] = []
  for (const item of items) {
    const units = await manager.execute(
      `SELECT id, quantity, state, location_id FROM inventory_unit
        WHERE order_id = ? AND line_item_id = ? AND inventory_item_id = ?
          AND state IN ('on_hand', 'backordered') AND deleted_at IS NULL
        ORDER BY (state = 'backordered'), (location_id = ?) DESC, ordered_at, id
          FOR UPDATE`,
      [input.order_id, item.line_item_id, item.inventory_item_id, input.location_id]
    )
    const sumOf = (state: string) =>
      units.filter((unit) => unit.state === state).reduce((sum, unit) => sum + Number(unit.quantity), 0)
    assertBackorderShippingAllowed(
      {
        line_item_id: item.line_item_id,
        inventory_item_id: item.inventory_item_id,
        requested: item.quantity,
        on_hand: sumOf("on_hand"),
        backordered: sumOf("backordered"),
      },
      options.allow_backorder_shipping
    )
    const moved = await moveUnitsInOrder(manager, units, item.quantity, {
      state: "shipped",
      fulfillment_id: input.fulfillment_id,
      location_id: input.location_id,
    })
    // Units reserved elsewhere free stock there: fill backorders at those too.
    for (const { unit } of moved) {
      if (unit.location_id && unit.location_id !== input.location_id) {
        touched.push({ inventory_item_id: item.inventory_item_id, location_id: unit.location_id })
      }
    }
    attributions.push({
      inventory_item_id: item.inventory_item_id,
      location_id: input.location_id,
      kind: "shipped",
      trust_expected: true,
      expected_quantity: 0,
      expected_stocked_change: -item.quantity,
      originator_type: "fulfillment",
      originator_id: input.fulfillment_id,
      note: null,
    })
  }
  return await attributeAndFill(context, attributions, touched)
}

/**
 * Fulfillment canceled: its shipped units come back, on_hand as far as the
 * stock Medusa put back allows and backordered beyond, and that stock is
 * ledgered as `unshipped`; then backorders fill.
 */
export async function unshipFulfillmentUnits(
  context: ActionContext,
  input: { order_id: string; fulfillment_id: string }
): Promise<LedgerResult> {
  const { manager } = context
  await lockOrderUnits(manager, input.order_id)
  const units = await manager.execute(
    `SELECT id, quantity, inventory_item_id, location_id FROM inventory_unit
      WHERE fulfillment_id = ? AND state = 'shipped' AND deleted_at IS NULL
        AND inventory_item_id IS NOT NULL
      ORDER BY ordered_at, id`,
    [input.fulfillment_id]
  )
  if (!units.length) {
    return EMPTY_LEDGER_RESULT()
  }
  const free = await freeStock(manager, await lockStockItemsAt(manager, units))
  const attributions: PlacedAttribution[] = []
  for (const unit of units) {
    const key = pairKey(unit)
    const quantity = Number(unit.quantity)
    const onHand = Math.min(quantity, Math.max(free.get(key) ?? 0, 0))
    free.set(key, (free.get(key) ?? 0) - onHand)
    const back = { fulfillment_id: null, shipped_at: null }
    if (onHand > 0 && onHand < quantity) {
      await splitUnit(manager, unit.id, onHand, { state: "on_hand", ...back })
      await moveUnit(manager, { id: unit.id, quantity: quantity - onHand }, quantity - onHand, {
        state: "backordered",
        ...back,
      })
    } else {
      await moveUnit(manager, { id: unit.id, quantity }, quantity, {
        state: onHand > 0 ? "on_hand" : "backordered",
        ...back,
      })
    }
    attributions.push({
      inventory_item_id: unit.inventory_item_id,
      location_id: unit.location_id,
      kind: "unshipped",
      trust_expected: true,
      expected_quantity: 0,
      expected_stocked_change: quantity,
      originator_type: "fulfillment",
      originator_id: input.fulfillment_id,
      note: null,
    })
  }
  return await attributeAndFill(context, attributions)
}

/** Shipment created: the fulfillment's units carry the shipping time. */
export async function markUnitsShipped(
  { manager }: ActionContext,
  fulfillmentIds: string[]
): Promise<number> {
  const rows = await manager.execute(
    `UPDATE inventory_unit SET shipped_at = now(), updated_at = now()
      WHERE fulfillment_id IN (${placeholders(fulfillmentIds.length)})
        AND state = 'shipped' AND shipped_at IS NULL AND deleted_at IS NULL
      RETURNING id`,
    fulfillmentIds
  )
  return rows.length
}
