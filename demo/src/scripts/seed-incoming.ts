/**
 * The demo's incoming stock: an ordered purchase order, with an expected
 * date, covering a backorder that waits; one partly received (one unit
 * refused); and a transfer in transit between the two locations. Each is
 * created once, looked up by its reference first.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

const STOCKROOM = "stockroom"

const REFERENCES = {
  covering: "DEMO-PO-NORTHWIND",
  partial: "DEMO-PO-ALPINE",
  transit: "DEMO-TRANSIT-1",
}

type Unit = { inventory_item_id: string; location_id: string | null; quantity: number }
type StockItemRow = { inventory_item_id: string; location_id: string; count_on_hand: number; on_hand: number }

/** Only what this section calls on Stockroom's module. */
type IncomingStockroom = {
  listInventoryUnits(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<Unit[]>
  listPurchaseOrders(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<{ id: string }[]>
  listStockTransfers(filters: Record<string, unknown>, config?: Record<string, unknown>): Promise<{ id: string }[]>
  listStockItemsWithCounts(filters?: Record<string, unknown>, config?: Record<string, unknown>): Promise<[StockItemRow[], number]>
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

async function run(container: MedusaContainer, workflowId: string, input: Record<string, unknown>) {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(workflowId, { input, throwOnError: true })
  return result
}

const log = (container: MedusaContainer, message: string) =>
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`demo seed: ${message}`)

export async function ensureDemoIncoming(container: MedusaContainer, adminUserId: string) {
  const stockroom = container.resolve<IncomingStockroom>(STOCKROOM)

  if (!(await stockroom.listPurchaseOrders({ reference: REFERENCES.covering }, { take: 1 })).length) {
    const [waiting] = await stockroom.listInventoryUnits(
      { state: "backordered" },
      { take: 1, order: { ordered_at: "ASC" } }
    )
    if (waiting?.location_id) {
      const backordered = await stockroom.listInventoryUnits(
        { state: "backordered", inventory_item_id: waiting.inventory_item_id, location_id: waiting.location_id },
        { take: 1000 }
      )
      const owed = backordered.reduce((sum, unit) => sum + unit.quantity, 0)
      await run(container, "stockroom-create-purchase-order", {
        supplier: "Northwind Textiles",
        reference: REFERENCES.covering,
        location_id: waiting.location_id,
        expected_at: inDays(12),
        ordered: true,
        created_by: adminUserId,
        note: "Covers the waiting backorders",
        currency_code: "eur",
        items: [{ inventory_item_id: waiting.inventory_item_id, quantity: owed + 6, unit_cost: 11.5 }],
      })
      log(container, `purchase order ${REFERENCES.covering} ordered`)
    }
  }

  const [stockItems] = await stockroom.listStockItemsWithCounts({}, { limit: 200, order: "-on_hand" })
  const stocked = stockItems.filter((item) => item.count_on_hand >= 4)
  const locationIds = [...new Set(stockItems.map((item) => item.location_id))]

  if (!(await stockroom.listPurchaseOrders({ reference: REFERENCES.partial }, { take: 1 })).length && stocked.length) {
    const target = stocked[stocked.length - 1]
    const id = await run(container, "stockroom-create-purchase-order", {
      supplier: "Alpine Outfitters",
      reference: REFERENCES.partial,
      location_id: target.location_id,
      expected_at: inDays(5),
      ordered: true,
      created_by: adminUserId,
      currency_code: "eur",
      items: [{ inventory_item_id: target.inventory_item_id, quantity: 20, unit_cost: 8 }],
    })
    await run(container, "stockroom-receive-purchase-order", {
      id,
      received_by: adminUserId,
      note: "First pallet",
      items: [
        { inventory_item_id: target.inventory_item_id, accepted: 8, rejected: 1, rejection_reason: "Damaged box" },
      ],
    })
    log(container, `purchase order ${REFERENCES.partial} partly received`)
  }

  if (!(await stockroom.listStockTransfers({ reference: REFERENCES.transit }, { take: 1 })).length && locationIds.length > 1) {
    const source = stocked[0]
    const destination = source && locationIds.find((location) => location !== source.location_id)
    if (source && destination) {
      await run(container, "stockroom-create-stock-transfer", {
        source_location_id: source.location_id,
        destination_location_id: destination,
        reference: REFERENCES.transit,
        in_transit: true,
        expected_at: inDays(3),
        created_by: adminUserId,
        items: [{ inventory_item_id: source.inventory_item_id, quantity: 2 }],
      })
      log(container, `transfer ${REFERENCES.transit} in transit`)
    }
  }
}
