import type { ActionContext } from "../context"
import type { CheckoutShortfall } from "../lib/shortfall"
import { placeholders } from "../ledger/sql"
import { MEDUSA } from "../medusa-tables"
import { liveHoldsSql } from "./live-holds"
import { sellableSql } from "../lib/sellable"
import type { CartStockLine } from "../types"

type Execute = (sql: string, params?: unknown[]) => Promise<any[]>

/** One inventory item at one location of a channel, as a cart may take it. */
export type LocationStock = {
  inventory_item_id: string
  location_id: string
  /** stocked − reserved − safety stock − other carts' live holds (may be below zero; see lib/sellable) */
  sellable: number
  backorderable: boolean
}

/** A location of the channel in the order checkout tries it. */
export type RankedLocation = { location_id: string; allocation_priority: number; name: string }

type Component = { inventory_item_id: string; required_quantity: number }

/** What placement decided for one line. */
export type PlacedLine = CartStockLine & {
  /** null: untracked, or refused */
  location_id: string | null
  available: number
  backordered: number
}

/**
 * The sales channel's locations by allocation priority (lower first), then
 * name, then id. A location without a settings row counts as priority 0.
 */
export async function rankedChannelLocations(
  execute: Execute,
  salesChannelId: string
): Promise<RankedLocation[]> {
  const rows = await execute(
    `SELECT scl.stock_location_id AS location_id,
            COALESCE(s.allocation_priority, 0)::int AS allocation_priority,
            COALESCE(sl.name, '') AS name
       FROM ${MEDUSA.sales_channel_stock_location} scl
       LEFT JOIN ${MEDUSA.stock_location} sl
              ON sl.id = scl.stock_location_id AND sl.deleted_at IS NULL
       LEFT JOIN stock_location_setting s
              ON s.stock_location_id = scl.stock_location_id AND s.deleted_at IS NULL
      WHERE scl.sales_channel_id = ? AND scl.deleted_at IS NULL
      ORDER BY 2, 3, 1`,
    [salesChannelId]
  )
  return rows.map((row) => ({
    location_id: row.location_id,
    allocation_priority: Number(row.allocation_priority),
    name: row.name,
  }))
}

/**
 * Per inventory item and location: what a cart may take there — Medusa's
 * available less the safety stock and the live holds of every cart but
 * `cartId` (an expired hold counts for nothing, whether or not the sweep has
 * removed it yet).
 */
export async function sellableAtLocations(
  execute: Execute,
  inventoryItemIds: string[],
  locationIds: string[],
  cartId: string | null
): Promise<LocationStock[]> {
  if (!inventoryItemIds.length || !locationIds.length) {
    return []
  }
  const rows = await execute(
    `SELECT si.inventory_item_id, si.location_id, si.backorderable,
            ${sellableSql("l", "si", liveHoldsSql("si", { exceptCart: true }))}::int AS sellable
       FROM stock_item si
       LEFT JOIN ${MEDUSA.inventory_level} l
              ON l.inventory_item_id = si.inventory_item_id
             AND l.location_id = si.location_id AND l.deleted_at IS NULL
      WHERE si.deleted_at IS NULL
        AND si.inventory_item_id IN (${placeholders(inventoryItemIds.length)})
        AND si.location_id IN (${placeholders(locationIds.length)})`,
    [cartId, ...inventoryItemIds, ...locationIds]
  )
  return rows.map((row) => ({
    inventory_item_id: row.inventory_item_id,
    location_id: row.location_id,
    sellable: Number(row.sellable),
    backorderable: !!row.backorderable,
  }))
}

/** Each tracked variant's inventory items with their required quantity; untracked variants are absent. */
export async function variantComponents(
  execute: Execute,
  variantIds: string[]
): Promise<Map<string, Component[]>> {
  const components = new Map<string, Component[]>()
  if (!variantIds.length) {
    return components
  }
  const rows = await execute(
    `SELECT pvii.variant_id, pvii.inventory_item_id, pvii.required_quantity
       FROM ${MEDUSA.product_variant_inventory_item} pvii
       JOIN ${MEDUSA.product_variant} v ON v.id = pvii.variant_id AND v.deleted_at IS NULL
      WHERE pvii.deleted_at IS NULL AND v.manage_inventory
        AND pvii.variant_id IN (${placeholders(variantIds.length)})
      ORDER BY pvii.variant_id, pvii.inventory_item_id`,
    variantIds
  )
  for (const row of rows) {
    const list = components.get(row.variant_id) ?? []
    list.push({
      inventory_item_id: row.inventory_item_id,
      required_quantity: Math.max(Number(row.required_quantity ?? 1), 1),
    })
    components.set(row.variant_id, list)
  }
  return components
}

/**
 * Places every line of a cart as checkout will: each line whole at one
 * location — the first by priority whose sellable stock covers all of its
 * inventory items (× required quantity); else, when backorders are allowed,
 * the first by priority where every one of them is backorderable; else the
 * line is refused with the most any one location can supply. Lines are
 * placed in order and each takes its stock before the next looks, so an
 * inventory item shared by several lines (kits included) is counted once
 * across the cart.
 */
export function placeCartLines(
  lines: CartStockLine[],
  components: Map<string, Component[]>,
  locations: RankedLocation[],
  stock: LocationStock[],
  allowBackorders: boolean
): { lines: PlacedLine[]; refused: CheckoutShortfall[] } {
  const left = new Map(stock.map((row) => [`${row.inventory_item_id}|${row.location_id}`, { ...row }]))
  const at = (itemId: string, locationId: string) => left.get(`${itemId}|${locationId}`)
  const placed: PlacedLine[] = []
  const refusedVariants = new Set<string>()
  // What each variant's own lines took, per inventory item and location: a
  // refusal names the most one location could give the variant as a whole.
  const takenByVariant = new Map<string, number>()
  for (const line of lines) {
    const parts = components.get(line.variant_id)
    if (!parts?.length) {
      placed.push({ ...line, location_id: null, available: line.quantity, backordered: 0 })
      continue
    }
    // Units of the line one location can supply from its sellable stock.
    const supply = (locationId: string) =>
      Math.min(
        ...parts.map((part) => {
          const row = at(part.inventory_item_id, locationId)
          return row ? Math.floor(Math.max(row.sellable, 0) / part.required_quantity) : 0
        })
      )
    const take = (locationId: string) => {
      for (const part of parts) {
        const quantity = line.quantity * part.required_quantity
        at(part.inventory_item_id, locationId)!.sellable -= quantity
        const key = `${line.variant_id}|${part.inventory_item_id}|${locationId}`
        takenByVariant.set(key, (takenByVariant.get(key) ?? 0) + quantity)
      }
    }
    const stocked = (locationId: string) => parts.every((part) => !!at(part.inventory_item_id, locationId))
    const covering = locations.find(
      (location) => stocked(location.location_id) && supply(location.location_id) >= line.quantity
    )
    if (covering) {
      take(covering.location_id)
      placed.push({ ...line, location_id: covering.location_id, available: line.quantity, backordered: 0 })
      continue
    }
    const most = Math.max(0, ...locations.map((location) => supply(location.location_id)))
    const backordering = allowBackorders
      ? locations.find(
          (location) =>
            stocked(location.location_id) &&
            parts.every((part) => at(part.inventory_item_id, location.location_id)!.backorderable)
        )
      : undefined
    if (backordering) {
      const covered = supply(backordering.location_id)
      take(backordering.location_id)
      placed.push({
        ...line,
        location_id: backordering.location_id,
        available: covered,
        backordered: line.quantity - covered,
      })
      continue
    }
    placed.push({ ...line, location_id: null, available: most, backordered: line.quantity - most })
    refusedVariants.add(line.variant_id)
  }
  const refused: CheckoutShortfall[] = [...refusedVariants].map((variantId) => {
    const parts = components.get(variantId)!
    const own = (itemId: string, locationId: string) =>
      Math.max(at(itemId, locationId)!.sellable, 0) + (takenByVariant.get(`${variantId}|${itemId}|${locationId}`) ?? 0)
    const supplies = locations
      .filter((location) => parts.every((part) => !!at(part.inventory_item_id, location.location_id)))
      .map((location) =>
        Math.min(...parts.map((part) => Math.floor(own(part.inventory_item_id, location.location_id) / part.required_quantity)))
      )
    return {
      variant_id: variantId,
      requested: lines
        .filter((line) => line.variant_id === variantId)
        .reduce((sum, line) => sum + line.quantity, 0),
      available: Math.max(0, ...supplies),
    }
  })
  return { lines: placed, refused }
}

/** Reads what placement needs and places the cart's lines. */
export async function checkCartPlacement(
  { manager, options }: ActionContext,
  salesChannelId: string,
  lines: CartStockLine[],
  cartId: string | null,
  /** stock already reserved for these very lines (an order's own reservations), given back before placing */
  ownReserved: { inventory_item_id: string; location_id: string; quantity: number }[] = []
) {
  const execute: Execute = (sql, params) => manager.execute(sql, params)
  const components = await variantComponents(execute, [...new Set(lines.map((line) => line.variant_id))])
  const locations = await rankedChannelLocations(execute, salesChannelId)
  const itemIds = [...new Set([...components.values()].flat().map((part) => part.inventory_item_id))]
  const stock = await sellableAtLocations(
    execute,
    itemIds,
    locations.map((location) => location.location_id),
    cartId
  )
  for (const reserved of ownReserved) {
    const row = stock.find(
      (candidate) =>
        candidate.inventory_item_id === reserved.inventory_item_id &&
        candidate.location_id === reserved.location_id
    )
    if (row) {
      row.sellable += reserved.quantity
    }
  }
  return placeCartLines(lines, components, locations, stock, options.allow_backorders)
}
