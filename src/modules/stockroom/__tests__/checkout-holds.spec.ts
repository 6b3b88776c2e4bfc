import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import type StockroomModuleService from "../service"
import { STOCKROOM_MODULE } from "../types"
import { LEDGER_MIGRATIONS, migrateOncePerFile } from "./helpers/medusa-schema"
import { stockDb } from "./helpers/stock-db"

jest.setTimeout(60000)

const MUG = "iitem_mug"
const LOC = "sloc_main"
const at = new Date(Date.UTC(2026, 0, 1, 12))

/**
 * Checkout placement's last word (placeOrderUnits, stock items locked)
 * against other carts' live checkout holds, and a consumed hold put back.
 * Backorders off, so a checkout that would backorder is refused.
 */
moduleIntegrationTestRunner<StockroomModuleService>({
  moduleName: STOCKROOM_MODULE,
  moduleOptions: { allow_backorders: false, checkout_hold_minutes: 15 },
  dbName: process.env.STOCKROOM_MODULE_DB ?? `medusa-stockroom-module-${process.pid}`,
  resolve: path.resolve(__dirname, ".."),
  pathToMigrations: LEDGER_MIGRATIONS,
  testSuite: ({ service, MikroOrmWrapper }) => {
    migrateOncePerFile(MikroOrmWrapper)
    const db = stockDb(() => MikroOrmWrapper.forkManager())

    const hold = (cartId: string, quantity: number, expiresIn = "15 minutes") =>
      db.run(
        `INSERT INTO checkout_hold (id, cart_id, inventory_item_id, location_id, quantity, expires_at)
         VALUES (?, ?, ?, ?, ?, now() + ?::interval)`,
        [`srhold_${cartId}`, cartId, MUG, LOC, quantity, expiresIn]
      )
    const holdRows = async (cartId: string) =>
      (await db.run(`SELECT id, quantity FROM checkout_hold WHERE cart_id = ? AND deleted_at IS NULL`, [cartId])).map(
        (row) => [row.id, Number(row.quantity)]
      )

    /** Medusa reserved at the location; Stockroom's checkout hook places the units for `cartId`'s order. */
    const checkout = async (orderId: string, cartId: string | null, quantity: number) => {
      await db.changeLevel(MUG, LOC, { reserved: quantity })
      return await service.placeOrderUnits({
        order_id: orderId,
        ordered_at: at,
        within_checkout: true,
        cart_id: cartId,
        lines: [
          { line_item_id: `${orderId}_line`, variant_id: "variant_mug", inventory_item_id: MUG, location_id: LOC, quantity },
        ],
      })
    }

    beforeEach(async () => {
      await db.createLevel(MUG, LOC, { stocked: 3 })
      await service.ensureStockItems([{ inventory_item_id: MUG, location_id: LOC }])
    })

    it("refuses a checkout that would take units another cart's live hold keeps, and lets the holder take them", async () => {
      await hold("cart_a", 2)
      const movementsBefore = await db.allMovementCount()

      // Cart B slipped past the cart checks: 2 of the 3 units are held by A.
      await expect(checkout("order_b", "cart_b", 2)).rejects.toThrow("Not enough stock")
      expect(await db.units({ order_id: "order_b" })).toEqual([])
      expect(await db.allMovementCount()).toBe(movementsBefore)
      // An order without a cart (placed elsewhere) is held off the same way.
      await expect(checkout("order_x", null, 2)).rejects.toThrow("(2 requested, 1 available)")
      await db.changeLevel(MUG, LOC, { reserved: -4 })

      // What A does not hold is free.
      expect((await checkout("order_b1", "cart_b", 1)).created).toBe(true)
      // A's own hold counts as its own.
      expect((await checkout("order_a", "cart_a", 2)).created).toBe(true)
      const units = (await db.units({ inventory_item_id: MUG })).map((u) => [u.order_id, u.state, u.quantity])
      expect(units.sort()).toEqual([
        ["order_a", "on_hand", 2],
        ["order_b1", "on_hand", 1],
      ])
      expect(await db.level(MUG, LOC)).toMatchObject({ stocked: 3, reserved: 3 })
    })

    it("shows the admin only live holds of carts still paying", async () => {
      await hold("cart_paying", 2)
      await hold("cart_gone", 1, "-1 second")
      // Medusa marks a cart completed in the step that reserves its stock:
      // from then on the reservation keeps the units, not the hold.
      await hold("cart_done", 1)
      await db.run(`INSERT INTO cart (id, currency_code, completed_at) VALUES ('cart_done', 'eur', now())`)
      expect(await service.listHeldQuantities([MUG])).toEqual([{ inventory_item_id: MUG, location_id: LOC, held: 2 }])
    })

    it("counts an expired hold for nothing at the final check", async () => {
      await hold("cart_a", 3, "-1 second")
      expect((await checkout("order_b", "cart_b", 3)).created).toBe(true)
      expect((await db.units({ order_id: "order_b" })).map((u) => [u.state, u.quantity])).toEqual([["on_hand", 3]])
    })

    it("puts a released hold back as it was, unless the cart holds again", async () => {
      await hold("cart_a", 2)
      const released = await service.releaseCartHold("cart_a")
      expect(released).toEqual([
        { id: "srhold_cart_a", cart_id: "cart_a", inventory_item_id: MUG, location_id: LOC, quantity: 2, expires_at: expect.any(Date) },
      ])
      expect(await holdRows("cart_a")).toEqual([])

      expect(await service.restoreCartHold(released)).toBe(1)
      expect(await holdRows("cart_a")).toEqual([["srhold_cart_a", 2]])
      const [row] = await db.run(`SELECT expires_at FROM checkout_hold WHERE id = 'srhold_cart_a'`)
      expect(new Date(row.expires_at).getTime()).toBe(released[0].expires_at.getTime())

      // The cart held again meanwhile: its new hold stands.
      await service.releaseCartHold("cart_a")
      await db.run(
        `INSERT INTO checkout_hold (id, cart_id, inventory_item_id, location_id, quantity, expires_at)
         VALUES ('srhold_new', 'cart_a', ?, ?, 1, now() + interval '15 minutes')`,
        [MUG, LOC]
      )
      expect(await service.restoreCartHold(released)).toBe(0)
      expect(await holdRows("cart_a")).toEqual([["srhold_new", 1]])
    })
  },
})
