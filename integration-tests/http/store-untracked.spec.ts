import { Modules } from "@medusajs/framework/utils"
import { createAdminUser } from "../helpers/admin"
import {
  completeCart,
  createProduct,
  SeededStore,
  SeededVariant,
  seedStore,
  startCart,
} from "../helpers/commerce"
import { ledgerReader } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

// track_inventory_levels off: stock is infinite for everything.
stockroomStoreRunner({
  options: { track_inventory_levels: false, allow_backorders: false },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let poster: SeededVariant
    const ledger = ledgerReader(dbConnection)
    const rows = async (sql: string, params: unknown[] = []) =>
      (await dbConnection.raw(sql, params)).rows

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      ;[shirt, poster] = await createProduct(container, store, [
        { title: "Shirt", allow_backorder: false },
        { title: "Poster", manage_inventory: false },
      ])
    })

    it("sells 100,001 units of a variant with no stock, touching no level, unit or movement", async () => {
      const storeHeaders = store.storeHeaders
      const cartId = await startCart(api, store)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 5 }, storeHeaders)
      const {
        data: { cart },
      } = await api.get(`/store/carts/${cartId}`, storeHeaders)
      await api.post(
        `/store/carts/${cartId}/line-items/${cart.items[0].id}`,
        { quantity: 100001 },
        storeHeaders
      )
      const { data } = await completeCart(api, store, cartId)
      expect(data.type).toBe("order")
      expect(data.order.items[0].quantity).toBe(100001)

      const { data: availability } = await api.get(
        `/store/stock-availability?variant_id=${shirt.id}`,
        storeHeaders
      )
      expect(availability.variants).toEqual([
        { variant_id: shirt.id, on_hand: null, in_stock: true, backorderable: false, incoming: 0, next_restock_at: null },
      ])
      const { data: shortfall } = await api.get(`/store/carts/${cartId}/stock-shortfall`, storeHeaders)
      expect(shortfall.items[0]).toMatchObject({ quantity: 100001, available: 100001, backordered: 0 })

      // Let any event handler run before asserting that nothing was written.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      expect(await ledger.level(shirt.inventory_item_id!, store.locations[0].id)).toEqual({
        stocked: 0,
        reserved: 0,
        count_on_hand: 0,
      })
      expect(await ledger.units({ order_id: data.order.id })).toEqual([])
      expect(await ledger.movements(shirt.inventory_item_id!)).toEqual([])
      expect(await rows(`select id from reservation_item where deleted_at is null`)).toEqual([])
    })

    it("switches Medusa's manage_inventory off while tracking is off and restores exactly those variants", async () => {
      // Any store request brings the variants in line first.
      await api.get(`/store/products?fields=id`, store.storeHeaders)
      const manageInventory = async () =>
        Object.fromEntries(
          (
            await rows(`select id, manage_inventory from product_variant where id in (?, ?)`, [
              shirt.id,
              poster.id,
            ])
          ).map((row: any) => [row.id, row.manage_inventory])
        )
      expect(await manageInventory()).toEqual({ [shirt.id]: false, [poster.id]: false })
      expect(await rows(`select variant_id from variant_tracking_suspension`)).toEqual([
        { variant_id: shirt.id },
      ])

      // Booting with tracking on again: the same module, its option flipped,
      // and the sync a request would run.
      const container = getContainer()
      const stockroom: any = container.resolve("stockroom")
      const bootOptions = stockroom.options_
      stockroom.options_ = Object.freeze({ ...bootOptions, track_inventory_levels: true })
      try {
        await container
          .resolve(Modules.WORKFLOW_ENGINE)
          .run("stockroom-sync-variant-tracking", { input: {} })
        expect(await manageInventory()).toEqual({ [shirt.id]: true, [poster.id]: false })
        expect(await rows(`select variant_id from variant_tracking_suspension`)).toEqual([])
        // The inventory item link Medusa made for the variant is intact.
        const { data } = await api.get(
          `/admin/products/${(await rows(`select product_id from product_variant where id = ?`, [shirt.id]))[0].product_id}/variants/${shirt.id}?fields=id,manage_inventory,inventory_items.inventory_item_id`,
          { headers }
        )
        expect(data.variant.manage_inventory).toBe(true)
        expect(data.variant.inventory_items[0].inventory_item_id).toBe(shirt.inventory_item_id)
      } finally {
        stockroom.options_ = bootOptions
      }
    })
  },
})
