import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import type StockroomModuleService from "../service"
import { STOCKROOM_MODULE } from "../types"
import { LEDGER_MIGRATIONS, migrateOncePerFile } from "./helpers/medusa-schema"
import { expectBalanceChain, stockDb } from "./helpers/stock-db"

jest.setTimeout(60000)

const SHIRT = "iitem_shirt"
const SOCKS = "iitem_socks"
const LOC = "sloc_main"
const OTHER_LOC = "sloc_other"

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute))

/**
 * Inventory units against real tables: placing, FIFO backorder fills,
 * splitting, shipping, backordering after a decrease, canceling, returns.
 */
moduleIntegrationTestRunner<StockroomModuleService>({
  moduleName: STOCKROOM_MODULE,
  // The same database as the other module specs (files run one after another); `npm test` drops it.
  dbName: process.env.STOCKROOM_MODULE_DB ?? `medusa-stockroom-module-${process.pid}`,
  resolve: path.resolve(__dirname, ".."),
  pathToMigrations: LEDGER_MIGRATIONS,
  testSuite: ({ service, MikroOrmWrapper }) => {
    migrateOncePerFile(MikroOrmWrapper)
    const db = stockDb(() => MikroOrmWrapper.forkManager())

    const stockItemAt = async (inventoryItemId: string, locationId: string, stocked = 0) => {
      await db.createLevel(inventoryItemId, locationId, { stocked })
      const { created_ids } = await service.ensureStockItems([
        { inventory_item_id: inventoryItemId, location_id: locationId },
      ])
      return created_ids[0]
    }

    /** Medusa reserves at the location, then Stockroom places the units (the checkout hook). */
    const placeOrder = async (
      orderId: string,
      orderedAt: Date,
      quantity: number,
      inventoryItemId = SHIRT,
      locationId = LOC
    ) => {
      await db.changeLevel(inventoryItemId, locationId, { reserved: quantity })
      return await service.placeOrderUnits({
        order_id: orderId,
        ordered_at: orderedAt,
        within_checkout: true,
        lines: [
          {
            line_item_id: `${orderId}_line`,
            variant_id: `variant_${inventoryItemId}`,
            inventory_item_id: inventoryItemId,
            location_id: locationId,
            quantity,
          },
        ],
      })
    }

    const receive = (stockItemId: string, quantity: number) =>
      service.applyStockChanges([
        { stock_item_id: stockItemId, kind: "received", quantity, stocked_change: quantity },
      ])

    const unitsOf = async (orderId: string) =>
      (await db.units({ order_id: orderId })).map((unit) => [unit.state, unit.quantity])

    describe("placeOrderUnits", () => {
      it("places units on hand up to the free stock, backorders the rest, and ledgers the reservation", async () => {
        const shirt = await stockItemAt(SHIRT, LOC, 3)
        const result = await placeOrder("order_1", at(0), 5)
        expect(result.created).toBe(true)

        const units = await db.units({ order_id: "order_1" })
        expect(units.map((u) => [u.state, u.quantity, u.line_item_id, u.variant_id, u.inventory_item_id, u.location_id])).toEqual(
          expect.arrayContaining([
            ["on_hand", 3, "order_1_line", `variant_${SHIRT}`, SHIRT, LOC],
            ["backordered", 2, "order_1_line", `variant_${SHIRT}`, SHIRT, LOC],
          ])
        )
        expect(units).toHaveLength(2)
        expect(units.every((u) => u.ordered_at.getTime() === at(0).getTime())).toBe(true)
        expect(
          (await db.movements(shirt)).map((m) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.stocked_after, m.originator_type, m.originator_id])
        ).toEqual([
          ["reconciled", 3, 3, 3, 3, "system", null],
          ["allocated", -5, 0, -2, 3, "order", "order_1"],
        ])

        // A redelivered event changes nothing.
        const again = await service.placeOrderUnits({
          order_id: "order_1",
          ordered_at: at(0),
          lines: [
            {
              line_item_id: "order_1_line",
              variant_id: `variant_${SHIRT}`,
              inventory_item_id: SHIRT,
              location_id: LOC,
              quantity: 5,
            },
          ],
        })
        expect(again).toMatchObject({ created: false, movements: [] })
        expect(await db.units({ order_id: "order_1" })).toEqual(units)
        expect(await db.movements(shirt)).toHaveLength(2)
      })

      it("gives stock no reconciliation has booked yet to the waiting backorders before a new order", async () => {
        const shirt = await stockItemAt(SHIRT, LOC, 0)
        // An older order waits for one unit.
        await placeOrder("order_old", at(0), 1)
        // Medusa's own form sets 5 on the shelf, and a checkout reserves 2
        // before the level's reconciliation has run.
        await db.changeLevel(SHIRT, LOC, { stocked: 5 })
        await db.reserve(SHIRT, LOC, { line_item_id: "order_new_line", quantity: 2 })
        const placed = await service.placeOrderUnits({
          order_id: "order_new",
          ordered_at: at(5),
          within_checkout: true,
          lines: [
            {
              line_item_id: "order_new_line",
              variant_id: `variant_${SHIRT}`,
              inventory_item_id: SHIRT,
              location_id: LOC,
              quantity: 2,
            },
          ],
        })
        expect(placed.filled.map((fill) => [fill.order_id, fill.quantity])).toEqual([["order_old", 1]])
        expect(await unitsOf("order_old")).toEqual([["on_hand", 1]])
        expect(await unitsOf("order_new")).toEqual([["on_hand", 2]])
        expect(
          (await db.movements(shirt)).map((m) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.originator_id])
        ).toEqual([
          ["allocated", -1, 0, -1, "order_old"],
          ["reconciled", 5, 5, 4, null],
          ["allocated", -2, 0, 2, "order_new"],
        ])
        // In step now: nothing left to reconcile.
        expect((await service.reconcileStockItems([{ stock_item_id: shirt }])).movements).toEqual([])
        expectBalanceChain(await db.movements(shirt))
      })

      it("places an untracked line on hand without touching any stock", async () => {
        await service.placeOrderUnits({
          order_id: "order_1",
          ordered_at: at(0),
          lines: [
            { line_item_id: "line_gift", variant_id: "variant_gift", inventory_item_id: null, location_id: null, quantity: 2 },
          ],
        })
        expect(await unitsOf("order_1")).toEqual([["on_hand", 2]])
        expect(await db.allMovementCount()).toBe(0)
      })
    })

    describe("backorder fill", () => {
      it("fills the oldest ordered_at first, then by id, only at the stock item's inventory item and location", async () => {
        const shirt = await stockItemAt(SHIRT, LOC)
        await stockItemAt(SHIRT, OTHER_LOC)
        await stockItemAt(SOCKS, LOC)
        // Older, but elsewhere or another item: out of scope.
        await placeOrder("order_elsewhere", at(0), 1, SHIRT, OTHER_LOC)
        await placeOrder("order_socks", at(0), 1, SOCKS, LOC)
        await placeOrder("order_mid", at(20), 2)
        await placeOrder("order_old", at(10), 1)
        await placeOrder("order_tie_a", at(30), 1)
        await placeOrder("order_tie_b", at(30), 1)
        // In the database's own order: ordered_at, then id.
        const ties = (await db.units()).filter((u) => u.ordered_at.getTime() === at(30).getTime())
        expect(ties).toHaveLength(2)
        const [firstTie, secondTie] = ties
        expect((await db.units()).every((u) => u.state === "backordered")).toBe(true)

        const { filled, orders_without_backorders, movements } = await receive(shirt, 4)

        expect(movements.map((m) => [m.kind, m.quantity, m.stocked_change])).toEqual([["received", 4, 4]])
        expect(filled.map((f) => [f.order_id, f.quantity, f.inventory_item_id, f.location_id])).toEqual([
          ["order_old", 1, SHIRT, LOC],
          ["order_mid", 2, SHIRT, LOC],
          [firstTie.order_id, 1, SHIRT, LOC],
        ])
        expect(orders_without_backorders.sort()).toEqual(["order_mid", "order_old", firstTie.order_id].sort())
        expect(await unitsOf("order_old")).toEqual([["on_hand", 1]])
        expect(await unitsOf("order_mid")).toEqual([["on_hand", 2]])
        expect(await unitsOf(firstTie.order_id)).toEqual([["on_hand", 1]])
        expect(await unitsOf(secondTie.order_id)).toEqual([["backordered", 1]])
        expect(await unitsOf("order_elsewhere")).toEqual([["backordered", 1]])
        expect(await unitsOf("order_socks")).toEqual([["backordered", 1]])
        // A fill moves no stock: the debt was booked when the order was placed.
        expect((await db.movements(shirt)).map((m) => m.kind)).toEqual([
          "allocated",
          "allocated",
          "allocated",
          "allocated",
          "received",
        ])
      })

      it("splits a unit larger than the free stock into two rows that add up", async () => {
        const shirt = await stockItemAt(SHIRT, LOC)
        await placeOrder("order_1", at(0), 3)
        const [original] = await db.units({ order_id: "order_1" })

        const { filled } = await receive(shirt, 2)

        const rows = await db.units({ order_id: "order_1" })
        expect(rows).toHaveLength(2)
        const kept = rows.find((u) => u.id === original.id)!
        const split = rows.find((u) => u.id !== original.id)!
        expect(kept).toMatchObject({ state: "backordered", quantity: 1 })
        expect(split).toEqual({ ...original, id: split.id, state: "on_hand", quantity: 2 })
        expect(kept.quantity + split.quantity).toBe(original.quantity)
        expect(filled).toEqual([
          {
            inventory_unit_id: split.id,
            order_id: "order_1",
            line_item_id: "order_1_line",
            inventory_item_id: SHIRT,
            location_id: LOC,
            quantity: 2,
          },
        ])
      })
    })

    describe("decreasing stock below the on_hand units", () => {
      it("backorders the newest on_hand units, splitting the last one", async () => {
        const shirt = await stockItemAt(SHIRT, LOC, 5)
        await placeOrder("order_old", at(0), 2)
        await placeOrder("order_new", at(10), 3)
        const [oldRow] = await db.units({ order_id: "order_old" })
        const [newRow] = await db.units({ order_id: "order_new" })
        expect([oldRow.state, newRow.state]).toEqual(["on_hand", "on_hand"])

        await service.applyStockChanges([
          { stock_item_id: shirt, kind: "adjusted", quantity: -4, stocked_change: -4 },
        ])

        // The newest order's row moves whole, the older one splits.
        expect(await db.units({ order_id: "order_new" })).toEqual([{ ...newRow, state: "backordered" }])
        const oldRows = await db.units({ order_id: "order_old" })
        expect(oldRows.find((u) => u.id === oldRow.id)).toMatchObject({ state: "on_hand", quantity: 1 })
        expect(oldRows.find((u) => u.id !== oldRow.id)).toMatchObject({ state: "backordered", quantity: 1 })
        expect(await db.level(SHIRT, LOC)).toMatchObject({ stocked: 1, reserved: 5 })
        expectBalanceChain(await db.movements(shirt))
      })
    })

    describe("shipping", () => {
      it("ships part of a unit row by splitting it, and ledgers Medusa's stock change as `shipped`", async () => {
        const shirt = await stockItemAt(SHIRT, LOC, 5)
        await placeOrder("order_1", at(0), 5)
        const [original] = await db.units({ order_id: "order_1" })
        // Medusa's fulfillment takes 3 from stock and from the reservation.
        await db.changeLevel(SHIRT, LOC, { stocked: -3, reserved: -3 })
        const ship = {
          order_id: "order_1",
          fulfillment_id: "ful_1",
          location_id: LOC,
          items: [{ line_item_id: "order_1_line", inventory_item_id: SHIRT, quantity: 3 }],
        }

        const { movements } = await service.shipFulfillmentUnits(ship)

        expect(movements.map((m) => [m.kind, m.quantity, m.stocked_change, m.originator_type, m.originator_id])).toEqual([
          ["shipped", 0, -3, "fulfillment", "ful_1"],
        ])
        const rows = await db.units({ order_id: "order_1" })
        expect(rows.find((u) => u.id === original.id)).toMatchObject({ state: "on_hand", quantity: 2, fulfillment_id: null })
        expect(rows.find((u) => u.id !== original.id)).toMatchObject({ state: "shipped", quantity: 3, fulfillment_id: "ful_1", location_id: LOC })
        expect(rows.reduce((sum, u) => sum + u.quantity, 0)).toBe(5)

        // Once per fulfillment.
        expect((await service.shipFulfillmentUnits(ship)).movements).toEqual([])
        expect(await db.units({ order_id: "order_1" })).toEqual(rows)

        // Medusa cancels the fulfillment: stock and reservation come back.
        await db.changeLevel(SHIRT, LOC, { stocked: 3, reserved: 3 })
        const unshipped = await service.unshipFulfillmentUnits({ order_id: "order_1", fulfillment_id: "ful_1" })
        expect(unshipped.movements.map((m) => [m.kind, m.quantity, m.stocked_change, m.originator_id])).toEqual([
          ["unshipped", 0, 3, "ful_1"],
        ])
        const back = await db.units({ order_id: "order_1" })
        // Split rows stay split; both are on hand again.
        expect(back.map((u) => [u.state, u.quantity, u.fulfillment_id]).sort()).toEqual([
          ["on_hand", 2, null],
          ["on_hand", 3, null],
        ])
        const totals = expectBalanceChain(await db.movements(shirt))
        expect(totals).toEqual({ on_hand: 5, count_on_hand: 0 })
      })

      it("refuses to ship backordered units (allow_backorder_shipping off) and changes nothing", async () => {
        const shirt = await stockItemAt(SHIRT, LOC, 1)
        await placeOrder("order_1", at(0), 3)
        await db.changeLevel(SHIRT, LOC, { stocked: -3, reserved: -3 })
        const before = { units: await db.units(), movements: await db.movements(shirt), item: await db.stockItem(shirt) }

        await expect(
          service.shipFulfillmentUnits({
            order_id: "order_1",
            fulfillment_id: "ful_1",
            location_id: LOC,
            items: [{ line_item_id: "order_1_line", inventory_item_id: SHIRT, quantity: 3 }],
          })
        ).rejects.toMatchObject({
          type: "not_allowed",
          message: expect.stringContaining("only 1 on hand for it, 2 backordered"),
        })
        expect({ units: await db.units(), movements: await db.movements(shirt), item: await db.stockItem(shirt) }).toEqual(before)
      })
    })

    describe("cancelOrderUnits", () => {
      it("cancels the unshipped units, ledgers the release, and fills the next backorder", async () => {
        const shirt = await stockItemAt(SHIRT, LOC, 2)
        await placeOrder("order_a", at(0), 2)
        await placeOrder("order_b", at(10), 1)
        expect(await unitsOf("order_b")).toEqual([["backordered", 1]])
        // Medusa drops order_a's reservation.
        await db.changeLevel(SHIRT, LOC, { reserved: -2 })

        const result = await service.cancelOrderUnits("order_a")

        expect(result.movements.map((m) => [m.kind, m.quantity, m.stocked_change, m.originator_type, m.originator_id])).toEqual([
          ["released", 2, 0, "order", "order_a"],
        ])
        expect(await unitsOf("order_a")).toEqual([["canceled", 2]])
        expect(await unitsOf("order_b")).toEqual([["on_hand", 1]])
        expect(result.filled.map((f) => [f.order_id, f.quantity])).toEqual([["order_b", 1]])
        expect(result.orders_without_backorders).toEqual(["order_b"])
        expect(expectBalanceChain(await db.movements(shirt))).toEqual({ on_hand: 2, count_on_hand: 1 })
      })
    })

    describe("receiveReturnUnits", () => {
      it("turns shipped units returned (splitting) and ledgers the restock as `returned`", async () => {
        const shirt = await stockItemAt(SHIRT, LOC, 3)
        await placeOrder("order_1", at(0), 3)
        await db.changeLevel(SHIRT, LOC, { stocked: -3, reserved: -3 })
        await service.shipFulfillmentUnits({
          order_id: "order_1",
          fulfillment_id: "ful_1",
          location_id: LOC,
          items: [{ line_item_id: "order_1_line", inventory_item_id: SHIRT, quantity: 3 }],
        })
        // Medusa receives 2 back and restocks 1 (the other is damaged).
        await db.changeLevel(SHIRT, LOC, { stocked: 1 })
        const { movements } = await service.receiveReturnUnits({
          order_id: "order_1",
          return_id: "ret_1",
          location_id: LOC,
          items: [{ line_item_id: "order_1_line", inventory_item_id: SHIRT, quantity: 2, restocked_quantity: 1 }],
        })
        expect(movements.map((m) => [m.kind, m.quantity, m.stocked_change, m.originator_type, m.originator_id])).toEqual([
          ["returned", 1, 1, "return", "ret_1"],
        ])
        const rows = await db.units({ order_id: "order_1" })
        expect(rows.map((u) => [u.state, u.quantity, u.return_id]).sort()).toEqual([
          ["returned", 2, "ret_1"],
          ["shipped", 1, null],
        ])
        expect(expectBalanceChain(await db.movements(shirt))).toEqual({ on_hand: 1, count_on_hand: 1 })
      })
    })
  },
})
