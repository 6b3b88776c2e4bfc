import { MedusaError } from "@medusajs/framework/utils"
import { rankedChannelLocations, sellableAtLocations, variantComponents } from "../checkout/placement"
import type { ActionContext } from "../context"
import { lockOrderUnits, lockStockItemsAt } from "../ledger/locks"
import { attributeAndFill } from "../ledger/record"
import { pairKey, placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
import type {
  LedgerResult,
  LineReallocationPlan,
  LineReallocationTarget,
  ReallocateOrderLineInput,
} from "../types"
import { freeStock } from "../units/backorders"
import { moveUnitsInOrder } from "../units/rows"

type Execute = (sql: string, params?: unknown[]) => Promise<any[]>

type UnshippedPart = { inventory_item_id: string; location_id: string; quantity: number }

/** The line's unshipped (on_hand and backordered) tracked units, per inventory item and location. */
async function unshippedParts(execute: Execute, orderId: string, lineItemId: string): Promise<UnshippedPart[]> {
  const rows = await execute(
    `SELECT inventory_item_id, location_id, SUM(quantity)::int AS quantity FROM inventory_unit
      WHERE order_id = ? AND line_item_id = ? AND state IN ('on_hand', 'backordered')
        AND inventory_item_id IS NOT NULL AND location_id IS NOT NULL AND deleted_at IS NULL
      GROUP BY inventory_item_id, location_id
      ORDER BY inventory_item_id, location_id`,
    [orderId, lineItemId]
  )
  return rows.map((row) => ({
    inventory_item_id: row.inventory_item_id,
    location_id: row.location_id,
    quantity: Number(row.quantity),
  }))
}

/**
 * Free physical stock (on hand − unshipped on_hand units) per inventory item
 * at one location, read without locks: the write rereads it under its locks.
 */
async function freePhysicalAt(execute: Execute, inventoryItemIds: string[], locationId: string) {
  const rows = await execute(
    `SELECT l.inventory_item_id,
            (l.stocked_quantity - COALESCE((
               SELECT SUM(u.quantity) FROM inventory_unit u
                WHERE u.inventory_item_id = l.inventory_item_id AND u.location_id = l.location_id
                  AND u.state = 'on_hand' AND u.deleted_at IS NULL), 0))::int AS free
       FROM ${MEDUSA.inventory_level} l
      WHERE l.deleted_at IS NULL AND l.location_id = ?
        AND l.inventory_item_id IN (${placeholders(inventoryItemIds.length)})`,
    [locationId, ...inventoryItemIds]
  )
  return new Map<string, number>(rows.map((row) => [row.inventory_item_id, Number(row.free)]))
}

/**
 * What moving the line to `locationId` would do, per inventory item: on_hand
 * as far as the target's sellable stock (and its free physical stock) allows,
 * backordered beyond. `refusal` says why the move is not allowed.
 */
function planAt(
  context: ActionContext,
  parts: UnshippedPart[],
  locationId: string,
  stock: { sellable: Map<string, number>; free: Map<string, number>; backorderable: Map<string, boolean> }
) {
  const quantities = new Map<string, number>()
  for (const part of parts) {
    quantities.set(part.inventory_item_id, (quantities.get(part.inventory_item_id) ?? 0) + part.quantity)
  }
  let refusal: string | null = null
  const items = [...quantities].map(([inventoryItemId, quantity]) => {
    const stocked = stock.backorderable.has(inventoryItemId)
    const sellable = Math.max(stock.sellable.get(inventoryItemId) ?? 0, 0)
    const onHand = Math.min(quantity, sellable, Math.max(stock.free.get(inventoryItemId) ?? 0, 0))
    const backordered = quantity - onHand
    if (!refusal && !stocked) {
      refusal = `Inventory item ${inventoryItemId} is not stocked at location ${locationId}`
    } else if (
      !refusal &&
      backordered > 0 &&
      !(context.options.allow_backorders && stock.backorderable.get(inventoryItemId))
    ) {
      refusal =
        `Location ${locationId} cannot backorder inventory item ${inventoryItemId}: ` +
        `${quantity} needed, ${onHand} sellable`
    }
    return {
      inventory_item_id: inventoryItemId,
      from_location_ids: [...new Set(parts.filter((p) => p.inventory_item_id === inventoryItemId).map((p) => p.location_id))],
      quantity,
      sellable,
      on_hand: onHand,
      backordered,
    }
  })
  return { items, refusal: refusal as string | null }
}

async function targetStock(execute: Execute, inventoryItemIds: string[], locationIds: string[]) {
  const rows = await sellableAtLocations(execute, inventoryItemIds, locationIds, null)
  const free = new Map<string, Map<string, number>>()
  for (const locationId of locationIds) {
    free.set(locationId, await freePhysicalAt(execute, inventoryItemIds, locationId))
  }
  return (locationId: string) => ({
    sellable: new Map(rows.filter((row) => row.location_id === locationId).map((row) => [row.inventory_item_id, row.sellable])),
    backorderable: new Map(
      rows.filter((row) => row.location_id === locationId).map((row) => [row.inventory_item_id, row.backorderable])
    ),
    free: free.get(locationId)!,
  })
}

/**
 * Every location of the order's channel as a destination for the line:
 * its sellable stock per inventory item and for the line as a whole
 * (whole line units, kit components × required quantity), what moving there
 * would place on_hand and backordered, and why it is refused if it is.
 */
export async function listLineReallocationTargets(
  context: ActionContext,
  input: Omit<ReallocateOrderLineInput, "location_id">
): Promise<LineReallocationTarget[]> {
  const execute: Execute = (sql, params) => context.manager.execute(sql, params)
  const parts = await unshippedParts(execute, input.order_id, input.line_item_id)
  const locations = await rankedChannelLocations(execute, input.sales_channel_id)
  const itemIds = [...new Set(parts.map((part) => part.inventory_item_id))]
  const current = new Set(parts.map((part) => part.location_id))
  const stockAt = itemIds.length
    ? await targetStock(execute, itemIds, locations.map((location) => location.location_id))
    : null
  // Whole line units: each inventory item's quantity over its required quantity.
  const [unit] = await execute(
    `SELECT variant_id FROM inventory_unit WHERE order_id = ? AND line_item_id = ? AND deleted_at IS NULL LIMIT 1`,
    [input.order_id, input.line_item_id]
  )
  const required = new Map<string, number>(
    ((unit?.variant_id && (await variantComponents(execute, [unit.variant_id])).get(unit.variant_id)) || []).map(
      (part): [string, number] => [part.inventory_item_id, part.required_quantity]
    )
  )
  const lineUnits = (items: { inventory_item_id: string; quantity: number }[], of: (item: any) => number) =>
    items.length
      ? Math.min(...items.map((item) => Math.floor(Math.max(of(item), 0) / (required.get(item.inventory_item_id) ?? 1))))
      : 0
  return locations.map((location) => {
    const plan = stockAt ? planAt(context, parts, location.location_id, stockAt(location.location_id)) : null
    const isCurrent = current.size === 1 && current.has(location.location_id)
    const items = plan?.items ?? []
    return {
      location_id: location.location_id,
      name: location.name,
      allocation_priority: location.allocation_priority,
      current: isCurrent,
      unshipped_quantity: lineUnits(items, (item) => item.quantity),
      sellable_quantity: lineUnits(items, (item) => item.sellable),
      items,
      refusal: !parts.length
        ? `Line ${input.line_item_id} has nothing unshipped to move`
        : isCurrent
          ? `Line ${input.line_item_id} is already at location ${location.location_id}`
          : plan!.refusal,
    }
  })
}

/**
 * Checks that the line can move to the location and says what the move
 * does; refuses (400) a line with nothing unshipped, the location it is
 * already at, a location outside the order's channel, and a move that would
 * backorder where backorders are not allowed. Reads only.
 */
export async function planLineReallocation(
  context: ActionContext,
  input: ReallocateOrderLineInput
): Promise<LineReallocationPlan> {
  const execute: Execute = (sql, params) => context.manager.execute(sql, params)
  const locations = await rankedChannelLocations(execute, input.sales_channel_id)
  if (!locations.some((location) => location.location_id === input.location_id)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Location ${input.location_id} is not a location of the order's sales channel ${input.sales_channel_id}`
    )
  }
  const parts = await unshippedParts(execute, input.order_id, input.line_item_id)
  if (!parts.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Line ${input.line_item_id} of order ${input.order_id} has nothing unshipped to move`
    )
  }
  if (parts.every((part) => part.location_id === input.location_id)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Line ${input.line_item_id} is already at location ${input.location_id}`
    )
  }
  const itemIds = [...new Set(parts.map((part) => part.inventory_item_id))]
  const stockAt = await targetStock(execute, itemIds, [input.location_id])
  const { items, refusal } = planAt(context, parts, input.location_id, stockAt(input.location_id))
  if (refusal) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
  }
  return { ...input, items }
}

/**
 * Moves the line's unshipped units to the plan's location, after its
 * reservations moved there: under the order's lock and locks on the stock
 * items at both ends, the target's stock is read again (what the line's own
 * reservation now takes there given back), units become on_hand as far as it
 * allows and backordered beyond; the reservations' move is ledgered as
 * `released` at the source and `allocated` at the target, originated by the
 * order, and the stock freed at the source fills its backorders, oldest first.
 */
export async function reallocateOrderLineUnits(
  context: ActionContext,
  plan: LineReallocationPlan
): Promise<LedgerResult> {
  const { manager, options } = context
  await lockOrderUnits(manager, plan.order_id)
  const units = await manager.execute(
    `SELECT id, inventory_item_id, location_id, state, quantity FROM inventory_unit
      WHERE order_id = ? AND line_item_id = ? AND state IN ('on_hand', 'backordered')
        AND inventory_item_id IS NOT NULL AND location_id IS NOT NULL AND deleted_at IS NULL
      ORDER BY ordered_at, id
        FOR UPDATE`,
    [plan.order_id, plan.line_item_id]
  )
  const sources = units.map((unit) => ({ inventory_item_id: unit.inventory_item_id, location_id: unit.location_id }))
  const targets = plan.items.map((item) => ({ inventory_item_id: item.inventory_item_id, location_id: plan.location_id }))
  const locked = await lockStockItemsAt(manager, [...sources, ...targets])
  const lockedTargets = { ...locked, items: locked.items.filter((item) => item.location_id === plan.location_id) }
  const free = await freeStock(manager, lockedTargets)
  const sellable = await sellableAtLocations(
    (sql, params) => manager.execute(sql, params),
    plan.items.map((item) => item.inventory_item_id),
    [plan.location_id],
    null
  )

  const attributions: Parameters<typeof attributeAndFill>[1] = []
  for (const item of plan.items) {
    const ofItem = units.filter((unit) => unit.inventory_item_id === item.inventory_item_id)
    const quantity = ofItem.reduce((sum, unit) => sum + Number(unit.quantity), 0)
    if (!quantity) {
      continue
    }
    const target = sellable.find((row) => row.inventory_item_id === item.inventory_item_id)
    // The line's reservation is already counted at the target: give it back.
    const sellableBefore = Math.max((target?.sellable ?? 0) + quantity, 0)
    const freeThere = Math.max(free.get(pairKey({ ...item, location_id: plan.location_id })) ?? 0, 0)
    const onHand = Math.min(quantity, sellableBefore, freeThere)
    if (quantity > onHand && !(options.allow_backorders && target?.backorderable)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Location ${plan.location_id} cannot backorder inventory item ${item.inventory_item_id}: ` +
          `${quantity} needed, ${onHand} sellable`
      )
    }
    await manager.execute(
      `UPDATE inventory_unit SET location_id = ?, state = 'backordered', updated_at = now()
        WHERE id IN (${placeholders(ofItem.length)})`,
      [plan.location_id, ...ofItem.map((unit) => unit.id)]
    )
    await moveUnitsInOrder(manager, ofItem, onHand, { state: "on_hand" })
    for (const unit of ofItem) {
      attributions.push({
        inventory_item_id: unit.inventory_item_id,
        location_id: unit.location_id,
        kind: "released",
        trust_expected: true,
        expected_quantity: Number(unit.quantity),
        expected_stocked_change: 0,
        originator_type: "order",
        originator_id: plan.order_id,
        note: null,
      })
    }
    attributions.push({
      inventory_item_id: item.inventory_item_id,
      location_id: plan.location_id,
      kind: "allocated",
      trust_expected: true,
      expected_quantity: -quantity,
      expected_stocked_change: 0,
      originator_type: "order",
      originator_id: plan.order_id,
      note: null,
    })
  }
  return await attributeAndFill(context, attributions)
}
