import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import type StockroomModuleService from "../service"
import { STOCKROOM_MODULE } from "../types"
import { LEDGER_MIGRATIONS, migrateOncePerFile } from "./helpers/medusa-schema"
import { expectBalanceChain, stockDb } from "./helpers/stock-db"

jest.setTimeout(60000)

const ITEM = "iitem_shirt"
const LOC = "sloc_main"
const OPENING_NOTE = "Opening balance when Stockroom started tracking this stock item"
const OUTSIDE_NOTE = "Change made outside Stockroom, recorded when it was noticed"

/**
 * The ledger primitives against real tables: Stockroom's, and Medusa's
 * inventory tables created by Medusa's own inventory migrations.
 */
moduleIntegrationTestRunner<StockroomModuleService>({
  moduleName: STOCKROOM_MODULE,
  // The same database as the other module specs (files run one after another); `npm test` drops it.
  dbName: process.env.STOCKROOM_MODULE_DB ?? `medusa-stockroom-module-${process.pid}`,
  resolve: path.resolve(__dirname, ".."),
  pathToMigrations: LEDGER_MIGRATIONS,
  // Stock items start non-backorderable, so availability is enforced.
  moduleOptions: { backorderable_default: false },
  testSuite: ({ service, MikroOrmWrapper }) => {
    migrateOncePerFile(MikroOrmWrapper)
    const db = stockDb(() => MikroOrmWrapper.forkManager())

    /** A level with the given counts and its stock item (opening balance ledgered). */
    const stockItemAt = async (
      counts: { stocked?: number; reserved?: number } = {},
      inventoryItemId = ITEM,
      locationId = LOC
    ) => {
      await db.createLevel(inventoryItemId, locationId, counts)
      const { created_ids } = await service.ensureStockItems([
        { inventory_item_id: inventoryItemId, location_id: locationId },
      ])
      expect(created_ids).toHaveLength(1)
      return created_ids[0]
    }

    describe("ensureStockItems", () => {
      it("ledgers the stock a level already holds as one opening `reconciled` movement", async () => {
        await db.createLevel(ITEM, LOC, { stocked: 5, reserved: 1 })
        const { created_ids, movements } = await service.ensureStockItems([
          { inventory_item_id: ITEM, location_id: LOC },
          { inventory_item_id: ITEM, location_id: LOC },
          // no inventory level here: no stock item either
          { inventory_item_id: ITEM, location_id: "sloc_nowhere" },
        ])
        expect(created_ids).toHaveLength(1)
        const [id] = created_ids
        expect(movements).toHaveLength(1)
        expect(await db.movements(id)).toEqual([
          expect.objectContaining({
            kind: "reconciled",
            quantity: 4,
            stocked_change: 5,
            count_on_hand_after: 4,
            stocked_after: 5,
            sequence: 1,
            originator_type: "system",
            note: OPENING_NOTE,
            inventory_item_id: ITEM,
            location_id: LOC,
          }),
        ])
        expect(await db.stockItem(id)).toMatchObject({
          backorderable: false,
          last_sequence: 1,
          ledger_on_hand: 5,
          ledger_count_on_hand: 4,
        })

        // A second call creates nothing and writes nothing.
        expect(
          await service.ensureStockItems([{ inventory_item_id: ITEM, location_id: LOC }])
        ).toEqual({ created_ids: [], movements: [] })
        expect(await db.allMovementCount()).toBe(1)
      })

      it("writes no movement for an empty level", async () => {
        const id = await stockItemAt()
        expect(await db.movements(id)).toEqual([])
      })
    })

    describe("applyStockChanges", () => {
      it("moves Medusa's level and writes the movement with its balances", async () => {
        const id = await stockItemAt()
        const result = await service.applyStockChanges([
          {
            stock_item_id: id,
            kind: "received",
            quantity: 10,
            stocked_change: 10,
            originator_type: "user",
            originator_id: "user_1",
            actor_id: "user_1",
            reason: "delivery",
            note: "Pallet 7",
            metadata: { po: "PO-1" },
          },
        ])
        expect(result.movements).toHaveLength(1)
        expect(await db.movements(id)).toEqual([
          {
            kind: "received",
            quantity: 10,
            stocked_change: 10,
            count_on_hand_after: 10,
            stocked_after: 10,
            sequence: 1,
            originator_type: "user",
            originator_id: "user_1",
            actor_id: "user_1",
            reason: "delivery",
            note: "Pallet 7",
            metadata: { po: "PO-1" },
            inventory_item_id: ITEM,
            location_id: LOC,
          },
        ])
        // Both of Medusa's columns (the number and its raw twin) moved.
        expect(await db.level(ITEM, LOC)).toEqual({ stocked: 10, reserved: 0, raw_stocked: 10 })
      })

      it("writes nothing for a zero change", async () => {
        const id = await stockItemAt({ stocked: 2 })
        const result = await service.applyStockChanges([
          { stock_item_id: id, kind: "adjusted", quantity: 0, stocked_change: 0 },
        ])
        expect(result.movements).toEqual([])
        expect(await db.movements(id)).toHaveLength(1)
        expect(await db.level(ITEM, LOC)).toMatchObject({ stocked: 2 })
      })

      it("first ledgers a level changed outside Stockroom as one `reconciled` movement", async () => {
        const id = await stockItemAt()
        await service.applyStockChanges([
          { stock_item_id: id, kind: "received", quantity: 10, stocked_change: 10 },
        ])
        // An admin sets 7 in Medusa's own form.
        await db.changeLevel(ITEM, LOC, { stocked: -3 })

        const { movements } = await service.applyStockChanges([
          { stock_item_id: id, kind: "adjusted", quantity: -1, stocked_change: -1, reason: "damaged" },
        ])
        expect(movements.map((m) => [m.kind, m.quantity, m.stocked_change])).toEqual([
          ["reconciled", -3, -3],
          ["adjusted", -1, -1],
        ])
        expect(
          (await db.movements(id)).map((m) => [
            m.kind,
            m.quantity,
            m.stocked_change,
            m.count_on_hand_after,
            m.stocked_after,
            m.sequence,
            m.note,
          ])
        ).toEqual([
          ["received", 10, 10, 10, 10, 1, null],
          ["reconciled", -3, -3, 7, 7, 2, OUTSIDE_NOTE],
          ["adjusted", -1, -1, 6, 6, 3, null],
        ])
        expect(await db.level(ITEM, LOC)).toMatchObject({ stocked: 6, reserved: 0 })
      })

      it("refuses a decrease below zero on a non-backorderable item and writes nothing", async () => {
        const id = await stockItemAt({ stocked: 3 })
        // Unledgered drift as well: it must not be written either.
        await db.changeLevel(ITEM, LOC, { stocked: 1 })
        const before = {
          movements: await db.movements(id),
          item: await db.stockItem(id),
          level: await db.level(ITEM, LOC),
        }

        await expect(
          service.applyStockChanges([
            // allowed on its own, but in the same call as the refused one
            { stock_item_id: id, kind: "received", quantity: 1, stocked_change: 1 },
            {
              stock_item_id: id,
              kind: "adjusted",
              quantity: -10,
              stocked_change: -10,
              enforce_availability: true,
            },
          ])
        ).rejects.toMatchObject({
          type: "not_allowed",
          message: expect.stringContaining(`Cannot take 10 from stock item ${id}`),
        })

        expect({
          movements: await db.movements(id),
          item: await db.stockItem(id),
          level: await db.level(ITEM, LOC),
        }).toEqual(before)
        expect(before.movements).toHaveLength(1)
        expect(before.level).toMatchObject({ stocked: 4 })
      })

      it("lets a backorderable item go below zero", async () => {
        const id = await stockItemAt({ stocked: 3 })
        await service.updateStockItems({ id, backorderable: true })
        await service.applyStockChanges([
          { stock_item_id: id, kind: "adjusted", quantity: -5, stocked_change: -5, enforce_availability: true },
        ])
        expect((await db.movements(id)).map((m) => [m.kind, m.count_on_hand_after, m.stocked_after])).toEqual([
          ["reconciled", 3, 3],
          ["adjusted", -2, -2],
        ])
        expect(await db.level(ITEM, LOC)).toMatchObject({ stocked: -2 })
      })

      it("refuses fractional quantities before touching anything", async () => {
        const id = await stockItemAt({ stocked: 3 })
        await expect(
          service.applyStockChanges([
            { stock_item_id: id, kind: "received", quantity: 1.5, stocked_change: 1.5 },
          ])
        ).rejects.toMatchObject({ type: "invalid_data" })
        await expect(
          service.applyStockChanges([
            { stock_item_id: "sitem_missing", kind: "received", quantity: 1, stocked_change: 1 },
          ])
        ).rejects.toMatchObject({ type: "not_found" })
        expect(await db.movements(id)).toHaveLength(1)
        expect(await db.level(ITEM, LOC)).toMatchObject({ stocked: 3 })
      })
    })

    describe("reconcileStockItems", () => {
      /** Order order_1's reservation of `quantity`, attributed as its placement does. */
      const reservationOfOrder = (stockItemId: string, quantity: number) => ({
        stock_item_id: stockItemId,
        kind: "allocated" as const,
        trust_expected: true,
        expected_quantity: -quantity,
        expected_stocked_change: 0,
        originator_type: "order" as const,
        originator_id: "order_1",
        note: null,
      })

      it("books an outside change of stock once, as `reconciled`", async () => {
        const id = await stockItemAt({ stocked: 4 })
        await db.changeLevel(ITEM, LOC, { stocked: 6 })

        const first = await service.reconcileStockItems([{ stock_item_id: id }])
        expect(first.movements.map((m) => [m.kind, m.quantity, m.stocked_change])).toEqual([
          ["reconciled", 6, 6],
        ])
        // In step now: a second call (a redelivered event) writes nothing.
        const second = await service.reconcileStockItems([{ stock_item_id: id }])
        expect(second.movements).toEqual([])
        expect((await db.movements(id)).map((m) => [m.kind, m.count_on_hand_after, m.stocked_after, m.sequence])).toEqual([
          ["reconciled", 4, 4, 1],
          ["reconciled", 10, 10, 2],
        ])
      })

      it("names a change of the reservation alone `allocated` or `released`", async () => {
        const id = await stockItemAt({ stocked: 5 })
        await db.changeLevel(ITEM, LOC, { reserved: 2 })
        await service.reconcileStockItems([{ stock_item_id: id }])
        await db.changeLevel(ITEM, LOC, { reserved: -1 })
        await service.reconcileStockItems([{ stock_item_id: id }])
        expect((await db.movements(id)).map((m) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after])).toEqual([
          ["reconciled", 5, 5, 5],
          ["allocated", -2, 0, 3],
          ["released", 1, 0, 4],
        ])
      })

      it("books an attribution's expected part under its kind and the rest as `reconciled`", async () => {
        const id = await stockItemAt({ stocked: 10, reserved: 3 })
        // Medusa fulfils 3 (stock and reservation down by 3) and someone
        // else takes 2 more in Medusa's form.
        await db.changeLevel(ITEM, LOC, { stocked: -5, reserved: -3 })

        const attribution = {
          stock_item_id: id,
          kind: "shipped" as const,
          expected_quantity: 0,
          expected_stocked_change: -3,
          originator_type: "fulfillment" as const,
          originator_id: "ful_1",
          note: null,
        }
        await service.reconcileStockItems([attribution])
        expect(
          (await db.movements(id)).map((m) => [
            m.kind,
            m.quantity,
            m.stocked_change,
            m.count_on_hand_after,
            m.stocked_after,
            m.originator_type,
            m.originator_id,
          ])
        ).toEqual([
          ["reconciled", 7, 10, 7, 10, "system", null],
          ["shipped", 0, -3, 7, 7, "fulfillment", "ful_1"],
          ["reconciled", -2, -2, 5, 5, "system", null],
        ])
        // Already ledgered: the same attribution again books nothing.
        expect((await service.reconcileStockItems([attribution])).movements).toEqual([])
      })

      it("books only what the level still shows when the attribution expected more", async () => {
        const id = await stockItemAt({ stocked: 10 })
        // The level subscriber already ledgered 2 of the 3 returned.
        await db.changeLevel(ITEM, LOC, { stocked: 2 })
        await service.reconcileStockItems([{ stock_item_id: id }])
        await db.changeLevel(ITEM, LOC, { stocked: 1 })
        await service.reconcileStockItems([
          {
            stock_item_id: id,
            kind: "returned",
            expected_quantity: 3,
            expected_stocked_change: 3,
            originator_type: "return",
            originator_id: "ret_1",
          },
        ])
        expect((await db.movements(id)).map((m) => [m.kind, m.quantity, m.stocked_change, m.stocked_after])).toEqual([
          ["reconciled", 10, 10, 10],
          ["reconciled", 2, 2, 12],
          ["returned", 1, 1, 13],
        ])
      })

      it("with trust_expected, books the rest first and then the whole expected part", async () => {
        const id = await stockItemAt({ stocked: 10 })
        // The level shows a reservation of 4 and, unrelated, 2 received in Medusa's form.
        await db.changeLevel(ITEM, LOC, { stocked: 2, reserved: 4 })
        await service.reconcileStockItems([reservationOfOrder(id, 4)])
        expect(
          (await db.movements(id)).map((m) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.stocked_after, m.originator_id])
        ).toEqual([
          ["reconciled", 10, 10, 10, 10, null],
          ["reconciled", 2, 2, 12, 12, null],
          ["allocated", -4, 0, 8, 12, "order_1"],
        ])
      })

      it("with trust_expected, reverses an unattributed booking of the change and books it as the operation's", async () => {
        const id = await stockItemAt({ stocked: 10 })
        await db.changeLevel(ITEM, LOC, { reserved: 4 })
        // A level event got there first and did not know whose reservation it was.
        await service.reconcileStockItems([{ stock_item_id: id }])
        await service.reconcileStockItems([reservationOfOrder(id, 4)])
        expect(
          (await db.movements(id)).map((m) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.originator_type, m.originator_id])
        ).toEqual([
          ["reconciled", 10, 10, 10, "system", null],
          ["allocated", -4, 0, 6, "system", null],
          ["released", 4, 0, 10, "system", null],
          ["allocated", -4, 0, 6, "order", "order_1"],
        ])
        expect(await db.stockItem(id)).toMatchObject({ ledger_count_on_hand: 6, ledger_on_hand: 10, last_sequence: 4 })
      })

      it("with trust_expected, books the operation's change before Medusa moves the level, and the level's move when it comes", async () => {
        // A rolled-back fulfillment: Stockroom's compensation puts the units
        // back before Medusa's compensation puts the stock back.
        const id = await stockItemAt({ stocked: 10 })
        await db.changeLevel(ITEM, LOC, { stocked: -2 })
        await service.reconcileStockItems([
          { stock_item_id: id, kind: "shipped", trust_expected: true, expected_quantity: -2, expected_stocked_change: -2, originator_type: "fulfillment", originator_id: "ful_1", note: null },
        ])
        await service.reconcileStockItems([
          { stock_item_id: id, kind: "unshipped", trust_expected: true, expected_quantity: 2, expected_stocked_change: 2, originator_type: "fulfillment", originator_id: "ful_1", note: null },
        ])
        await db.changeLevel(ITEM, LOC, { stocked: 2 })
        await service.reconcileStockItems([{ stock_item_id: id }])
        expect(
          (await db.movements(id)).map((m) => [m.kind, m.quantity, m.stocked_change, m.stocked_after, m.originator_id])
        ).toEqual([
          ["reconciled", 10, 10, 10, null],
          ["shipped", -2, -2, 8, "ful_1"],
          ["reconciled", -2, -2, 6, null],
          ["unshipped", 2, 2, 8, "ful_1"],
          ["reconciled", 2, 2, 10, null],
        ])
        expect(await db.stockItem(id)).toMatchObject({ ledger_count_on_hand: 10, ledger_on_hand: 10, last_sequence: 5 })
      })
    })

    describe("the balance chain", () => {
      it("keeps count_on_hand_after, stocked_after and sequence equal to the running sums", async () => {
        const id = await stockItemAt({ stocked: 2 })
        const other = await stockItemAt({ stocked: 1 }, ITEM, "sloc_other")
        await service.applyStockChanges([
          { stock_item_id: id, kind: "received", quantity: 8, stocked_change: 8 },
          { stock_item_id: other, kind: "received", quantity: 1, stocked_change: 1 },
          { stock_item_id: id, kind: "adjusted", quantity: -3, stocked_change: -3 },
        ])
        await db.changeLevel(ITEM, LOC, { reserved: 2 })
        await service.applyStockChanges([
          { stock_item_id: id, kind: "transfer_out", quantity: -1, stocked_change: -1 },
        ])
        await db.changeLevel(ITEM, LOC, { stocked: -2, reserved: -2 })
        await service.reconcileStockItems([
          { stock_item_id: id, kind: "shipped", expected_quantity: 0, expected_stocked_change: -2 },
        ])
        await db.changeLevel(ITEM, LOC, { stocked: 5 })
        await service.applyStockChanges([
          { stock_item_id: id, kind: "transfer_in", quantity: 4, stocked_change: 4 },
        ])

        const rows = await db.movements(id)
        expect(rows.map((m) => m.kind)).toEqual([
          "reconciled",
          "received",
          "adjusted",
          "allocated",
          "transfer_out",
          "shipped",
          "reconciled",
          "transfer_in",
        ])
        const totals = expectBalanceChain(rows)
        const level = (await db.level(ITEM, LOC))!
        expect(totals).toEqual({ on_hand: level.stocked, count_on_hand: level.stocked - level.reserved })
        expect(await db.stockItem(id)).toMatchObject({
          last_sequence: rows.length,
          ledger_on_hand: level.stocked,
          ledger_count_on_hand: level.stocked - level.reserved,
        })
        // The other location's chain is its own.
        expect(expectBalanceChain(await db.movements(other))).toEqual({ on_hand: 2, count_on_hand: 2 })
      })

      it("refuses to update or delete a movement", async () => {
        const id = await stockItemAt({ stocked: 2 })
        const [movement] = await service.listStockMovements({ stock_item_id: id })
        await expect(service.updateStockMovements()).rejects.toMatchObject({ type: "not_allowed" })
        await expect(service.deleteStockMovements()).rejects.toMatchObject({ type: "not_allowed" })
        await expect(service.softDeleteStockMovements()).rejects.toMatchObject({ type: "not_allowed" })
        expect(await service.listStockMovements({ stock_item_id: id })).toEqual([movement])
      })
    })
  },
})
