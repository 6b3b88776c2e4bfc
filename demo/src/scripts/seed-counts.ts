/**
 * The demo's stock counts and safety stock: an applied count of a few
 * items at one location (one of them found a unit short, booked as a
 * `cycle_count` adjustment), an open count at the other location with one
 * item counted so far, and a safety stock on one stock item. Created once:
 * nothing happens when any stock count exists.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

const STOCKROOM = "stockroom"

type StockItemRow = {
  id: string
  inventory_item_id: string
  location_id: string
  on_hand: number
  count_on_hand: number
  backordered_quantity: number
}

/** Only what this section calls on Stockroom's module. */
type CountsStockroom = {
  listStockCounts(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<{ id: string }[]>
  openStockCount(input: { location_id: string; inventory_item_ids?: string[]; created_by?: string | null }): Promise<string>
  recordStockCount(id: string, input: { items: { inventory_item_id: string; counted: number }[] }): Promise<void>
  listStockItemsWithCounts(filters?: Record<string, unknown>, config?: Record<string, unknown>): Promise<[StockItemRow[], number]>
}

async function run(container: MedusaContainer, workflowId: string, input: Record<string, unknown>) {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(workflowId, { input, throwOnError: true })
  return result
}

const log = (container: MedusaContainer, message: string) =>
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`demo seed: ${message}`)

export async function ensureDemoStockCounts(container: MedusaContainer, adminUserId: string) {
  const stockroom = container.resolve<CountsStockroom>(STOCKROOM)
  if ((await stockroom.listStockCounts({}, { take: 1 })).length) {
    return
  }
  const [stockItems] = await stockroom.listStockItemsWithCounts({}, { limit: 500, order: "-on_hand" })
  // Items with stock and no backorders, so a count short by one changes no order's units.
  const countable = stockItems.filter((item) => item.on_hand >= 4 && item.backordered_quantity === 0)
  const locationIds = [...new Set(countable.map((item) => item.location_id))]
  if (!locationIds.length) {
    return
  }

  const [first, second] = locationIds
  const atFirst = countable.filter((item) => item.location_id === first).slice(0, 3)
  const applied = await stockroom.openStockCount({
    location_id: first,
    inventory_item_ids: atFirst.map((item) => item.inventory_item_id),
    created_by: adminUserId,
  })
  await stockroom.recordStockCount(applied, {
    items: atFirst.map((item, index) => ({
      inventory_item_id: item.inventory_item_id,
      // The first item is a unit short on the shelf; the others match.
      counted: index === 0 ? item.on_hand - 1 : item.on_hand,
    })),
  })
  await run(container, "stockroom-apply-stock-count", { id: applied, actor_id: adminUserId })
  log(container, "stock count applied (one unit short, booked as a cycle count)")

  if (second) {
    const open = await stockroom.openStockCount({ location_id: second, created_by: adminUserId })
    const atSecond = countable.find((item) => item.location_id === second)
    if (atSecond) {
      await stockroom.recordStockCount(open, {
        items: [{ inventory_item_id: atSecond.inventory_item_id, counted: atSecond.on_hand }],
      })
    }
    log(container, "stock count opened, one item counted")
  }

  // A display unit kept out of sale.
  const shown = countable.find((item) => item.location_id === first && item.count_on_hand >= 4)
  if (shown) {
    await run(container, "stockroom-update-stock-item", { id: shown.id, safety_stock: 2 })
    log(container, "safety stock of 2 set on one stock item")
  }
}
