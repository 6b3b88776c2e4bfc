import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import type StockroomModuleService from "../service"
import { STOCKROOM_MODULE } from "../types"
import {
  AUDIT_MIGRATIONS,
  createVariantInventoryLinkTable,
  migrateOncePerFile,
} from "./helpers/medusa-schema"
import { stockDb } from "./helpers/stock-db"

jest.setTimeout(60000)

const SHIRT = "iitem_shirt"
const LOC = "sloc_main"
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute))

/**
 * The audit (invariants 1–5) on real tables. Its per-line check reads
 * Medusa's `order`, `order_item` and the variant ↔ inventory item link, so
 * this file also runs Medusa's order migrations and link migration.
 */
moduleIntegrationTestRunner<StockroomModuleService>({
  moduleName: STOCKROOM_MODULE,
  // The same database as the other module specs (files run one after another); `npm test` drops it.
  dbName: process.env.STOCKROOM_MODULE_DB ?? `medusa-stockroom-module-${process.pid}`,
  resolve: path.resolve(__dirname, ".."),
  pathToMigrations: AUDIT_MIGRATIONS,
  testSuite: ({ service, MikroOrmWrapper, dbConfig }) => {
    migrateOncePerFile(MikroOrmWrapper, () => createVariantInventoryLinkTable(dbConfig.clientUrl))
    const db = stockDb(() => MikroOrmWrapper.forkManager())

    const stockItemAt = async (stocked = 0, inventoryItemId = SHIRT, locationId = LOC) => {
      await db.createLevel(inventoryItemId, locationId, { stocked })
      const { created_ids } = await service.ensureStockItems([
        { inventory_item_id: inventoryItemId, location_id: locationId },
      ])
      return created_ids[0]
    }

    const placeOrder = async (orderId: string, quantity: number, orderedAt = at(0), variantId = "variant_shirt") => {
      await db.changeLevel(SHIRT, LOC, { reserved: quantity })
      await service.placeOrderUnits({
        order_id: orderId,
        ordered_at: orderedAt,
        lines: [
          { line_item_id: `${orderId}_line`, variant_id: variantId, inventory_item_id: SHIRT, location_id: LOC, quantity },
        ],
      })
    }

    /** Medusa's order with one line, as its order module stores it. */
    const medusaOrder = async (orderId: string, lineQuantity: number, status = "pending") => {
      const raw = (value: number) => JSON.stringify({ value: String(value), precision: 20 })
      await db.run(`INSERT INTO "order" (id, status, currency_code, version) VALUES (?, ?, 'eur', 1)`, [orderId, status])
      await db.run(
        `INSERT INTO order_line_item (id, title, unit_price, raw_unit_price) VALUES (?, 'Shirt', 10, ?)`,
        [`${orderId}_line`, raw(10)]
      )
      await db.run(
        `INSERT INTO order_item
           (id, order_id, version, item_id, quantity, raw_quantity,
            fulfilled_quantity, raw_fulfilled_quantity, shipped_quantity, raw_shipped_quantity,
            return_requested_quantity, raw_return_requested_quantity,
            return_received_quantity, raw_return_received_quantity,
            return_dismissed_quantity, raw_return_dismissed_quantity,
            written_off_quantity, raw_written_off_quantity)
         VALUES (?, ?, 1, ?, ?, ?, 0, ?, 0, ?, 0, ?, 0, ?, 0, ?, 0, ?)`,
        [`orditem_${orderId}`, orderId, `${orderId}_line`, lineQuantity, raw(lineQuantity), raw(0), raw(0), raw(0), raw(0), raw(0), raw(0)]
      )
    }

    it("is clean after Stockroom's own operations", async () => {
      const shirt = await stockItemAt(3)
      await stockItemAt(0, SHIRT, "sloc_other")
      await service.applyStockChanges([{ stock_item_id: shirt, kind: "received", quantity: 2, stocked_change: 2 }])
      await medusaOrder("order_1", 4)
      await placeOrder("order_1", 4)
      expect(await service.audit()).toEqual({ ok: true, checked: 2, problems: [] })
    })

    it("reports a level changed outside Stockroom until it is reconciled (invariant 1)", async () => {
      const shirt = await stockItemAt(5)
      await db.changeLevel(SHIRT, LOC, { stocked: 2, reserved: 1 })

      const { ok, problems } = await service.audit()
      expect(ok).toBe(false)
      expect(problems).toEqual([
        expect.objectContaining({ stock_item_id: shirt, invariant: 1, expected: 7, actual: 5 }),
        expect.objectContaining({ stock_item_id: shirt, invariant: 1, expected: 6, actual: 5 }),
      ])

      await service.reconcileStockItems([{ stock_item_id: shirt }])
      expect(await service.audit()).toMatchObject({ ok: true, problems: [] })
    })

    /** Tampering that bypasses the database's append-only trigger (as a superuser could). */
    const withoutAppendOnlyTrigger = async (sql: string, params: unknown[]) => {
      await db.run(`ALTER TABLE stock_movement DISABLE TRIGGER stock_movement_append_only`)
      try {
        await db.run(sql, params)
      } finally {
        await db.run(`ALTER TABLE stock_movement ENABLE TRIGGER stock_movement_append_only`)
      }
    }

    it("has the database refuse to edit or delete a movement (invariant 3)", async () => {
      const shirt = await stockItemAt(5)
      await expect(
        db.run(`UPDATE stock_movement SET quantity = 1 WHERE stock_item_id = ?`, [shirt])
      ).rejects.toThrow("stock_movement is append-only: UPDATE is not allowed")
      await expect(
        db.run(`DELETE FROM stock_movement WHERE stock_item_id = ?`, [shirt])
      ).rejects.toThrow("stock_movement is append-only: DELETE is not allowed")
      expect(await db.movements(shirt)).toHaveLength(1)
    })

    it("reports an edited movement as a broken chain (invariants 2 and 3)", async () => {
      const shirt = await stockItemAt(5)
      await service.applyStockChanges([{ stock_item_id: shirt, kind: "received", quantity: 2, stocked_change: 2 }])
      await withoutAppendOnlyTrigger(
        `UPDATE stock_movement SET count_on_hand_after = 99, updated_at = now() + interval '1 second'
          WHERE stock_item_id = ? AND sequence = 1`,
        [shirt]
      )
      const { ok, problems } = await service.audit()
      expect(ok).toBe(false)
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ stock_item_id: shirt, invariant: 3, message: expect.stringContaining("edited or deleted") }),
          expect.objectContaining({ stock_item_id: shirt, invariant: 2, message: expect.stringContaining("count_on_hand_after 99") }),
        ])
      )
      expect(problems).toHaveLength(2)
    })

    it("reports a deleted movement (invariant 3)", async () => {
      const shirt = await stockItemAt(5)
      await service.applyStockChanges([{ stock_item_id: shirt, kind: "received", quantity: 2, stocked_change: 2 }])
      await withoutAppendOnlyTrigger(`DELETE FROM stock_movement WHERE stock_item_id = ? AND sequence = 2`, [shirt])
      const { problems } = await service.audit()
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ stock_item_id: shirt, invariant: 3, expected: 2, actual: 1 }),
          expect.objectContaining({ stock_item_id: shirt, invariant: 1, expected: 7, actual: 5 }),
        ])
      )
    })

    it("reports backorders waiting while stock is free, until reconciliation fills them (invariant 4)", async () => {
      const shirt = await stockItemAt(0)
      await medusaOrder("order_1", 2)
      await placeOrder("order_1", 2)
      // Stock arrives through Medusa's own form; no event handled yet.
      await db.changeLevel(SHIRT, LOC, { stocked: 2 })

      const { problems } = await service.audit()
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            stock_item_id: shirt,
            invariant: 4,
            message: "2 unit(s) wait backordered while 2 unit(s) on hand are free (on hand 2, safety stock 0, on_hand units 0)",
          }),
        ])
      )
      const { filled } = await service.reconcileStockItems([{ stock_item_id: shirt }])
      expect(filled.map((unit) => [unit.order_id, unit.quantity])).toEqual([["order_1", 2]])
      expect(await service.audit()).toMatchObject({ ok: true, problems: [] })
    })

    it("counts no breach for backorders waiting beside safety stock, and fills them when it is lowered (invariant 4)", async () => {
      const shirt = await stockItemAt(0)
      await service.setSafetyStock(shirt, 3)
      await medusaOrder("order_1", 2)
      await placeOrder("order_1", 2)
      await db.changeLevel(SHIRT, LOC, { stocked: 3 })
      // On hand 3, all of it safety stock: nothing may fill.
      const { filled } = await service.reconcileStockItems([{ stock_item_id: shirt }])
      expect(filled).toEqual([])
      expect(await service.audit()).toMatchObject({ ok: true, problems: [] })

      const lowered = await service.setSafetyStock(shirt, 2)
      expect(lowered.previous_safety_stock).toBe(3)
      expect(lowered.movements).toEqual([])
      expect(lowered.filled.map((unit) => [unit.order_id, unit.quantity])).toEqual([["order_1", 1]])
      expect(await service.audit()).toMatchObject({ ok: true, problems: [] })
    })

    it("reports on_hand units beyond what is on hand (invariant 4)", async () => {
      const shirt = await stockItemAt(3)
      await medusaOrder("order_1", 3)
      await placeOrder("order_1", 3)
      // Medusa's own form lowers stock under the order's units; Stockroom
      // ledgers it but leaves Medusa's changes to the units alone.
      await db.changeLevel(SHIRT, LOC, { stocked: -2 })
      await service.reconcileStockItems([{ stock_item_id: shirt }])

      expect(await service.audit()).toEqual({
        ok: false,
        checked: 1,
        problems: [
          {
            stock_item_id: shirt,
            inventory_item_id: SHIRT,
            location_id: LOC,
            invariant: 4,
            message: "on_hand units hold 3 but only 1 are on hand",
            expected: 1,
            actual: 3,
          },
        ],
      })
    })

    it("reports order lines whose units do not add up, kits included (invariant 5)", async () => {
      await stockItemAt(10)
      // A kit: each variant needs 2 of the inventory item.
      await db.run(
        `INSERT INTO product_variant_inventory_item (id, variant_id, inventory_item_id, required_quantity)
         VALUES ('pvitem_kit', 'variant_kit', ?, 2)`,
        [SHIRT]
      )
      await medusaOrder("order_kit", 2) // needs 4 units
      await placeOrder("order_kit", 4, at(0), "variant_kit")
      await medusaOrder("order_short", 3)
      await placeOrder("order_short", 3)
      await medusaOrder("order_canceled", 5, "canceled")
      await placeOrder("order_canceled", 1)
      expect(await service.audit()).toMatchObject({ ok: true })

      // A unit row lost behind Stockroom's back.
      await db.run(`UPDATE inventory_unit SET quantity = quantity - 1 WHERE order_id IN ('order_kit', 'order_short', 'order_canceled')`)
      const { problems } = await service.audit()
      expect(problems.filter((p) => p.invariant === 5).sort((a, b) => a.message.localeCompare(b.message))).toEqual([
        expect.objectContaining({
          invariant: 5,
          message: `Order order_kit line order_kit_line has 3 unit(s) of inventory item ${SHIRT} that are not canceled; the line needs 4`,
          expected: 4,
          actual: 3,
        }),
        expect.objectContaining({
          invariant: 5,
          message: `Order order_short line order_short_line has 2 unit(s) of inventory item ${SHIRT} that are not canceled; the line needs 3`,
          expected: 3,
          actual: 2,
        }),
      ])
    })
  },
})
