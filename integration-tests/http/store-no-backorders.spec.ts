import { createAdminUser, expectFailure } from "../helpers/admin"
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

// No backorders whatever the per-variant or per-location flags say; products
// without stock hidden from the listing; exact counts kept from the storefront.
stockroomStoreRunner({
  options: {
    allow_backorders: false,
    show_zero_stock_products: false,
    expose_stock_counts: false,
  },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let storeHeaders: { headers: Record<string, string> }
    const ledger = ledgerReader(dbConnection)
    const location = () => store.locations[0].id

    const receive = (variant: SeededVariant, quantity: number) =>
      api.post(
        "/admin/stock-movements",
        { inventory_item_id: variant.inventory_item_id, location_id: location(), quantity },
        { headers }
      )

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      storeHeaders = store.storeHeaders
      // Medusa's own flag says backorders are fine; the store-wide flag wins.
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt", allow_backorder: true }], "Shirt")
      await receive(shirt, 3)
    })

    it("refuses adding, updating and completing beyond stock, naming the variant and what is available", async () => {
      const cartId = await startCart(api, store)
      const add = await expectFailure(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 4 }, storeHeaders)
      )
      expect(add.status).toBe(400)
      expect(add.data).toEqual({
        type: "not_allowed",
        message: `Not enough stock: ${shirt.id} (4 requested, 3 available)`,
      })

      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 2 }, storeHeaders)
      // A second line of the same variant (different metadata keeps it apart): the lines are summed.
      const second = await expectFailure(
        api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: shirt.id, quantity: 2, metadata: { gift: true } },
          storeHeaders
        )
      )
      expect(second.status).toBe(400)
      expect(second.data.message).toBe(`Not enough stock: ${shirt.id} (4 requested, 3 available)`)
      await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: shirt.id, quantity: 1, metadata: { gift: true } },
        storeHeaders
      )
      const {
        data: { cart },
      } = await api.get(`/store/carts/${cartId}`, storeHeaders)
      expect(cart.items).toHaveLength(2)
      const plain = cart.items.find((item: any) => !item.metadata?.gift)
      const update = await expectFailure(
        api.post(`/store/carts/${cartId}/line-items/${plain.id}`, { quantity: 3 }, storeHeaders)
      )
      expect(update.status).toBe(400)
      expect(update.data.message).toBe(`Not enough stock: ${shirt.id} (4 requested, 3 available)`)

      // The shortfall route, counts hidden: nothing backordered yet.
      const { data: shortfall } = await api.get(`/store/carts/${cartId}/stock-shortfall`, storeHeaders)
      expect(shortfall.items).toHaveLength(2)
      for (const item of shortfall.items) {
        expect(Object.keys(item).sort()).toEqual(["backordered", "line_item_id", "quantity", "variant_id"])
        expect(item.backordered).toBe(0)
      }

      // Stock leaves after the items were added: completion is refused and writes nothing.
      await receive(shirt, -1)
      const movementsBefore = await ledger.movements(shirt.inventory_item_id!)
      const complete = await expectFailure(completeCart(api, store, cartId))
      expect(complete.status).toBe(400)
      expect(complete.data).toEqual({
        type: "not_allowed",
        message: `Not enough stock: ${shirt.id} (3 requested, 2 available)`,
      })
      const { data: orders } = await api.get("/admin/orders?fields=id", { headers })
      expect(orders.orders).toHaveLength(0)
      expect(await ledger.movements(shirt.inventory_item_id!)).toEqual(movementsBefore)
      expect(await ledger.units({ inventory_item_id: shirt.inventory_item_id! })).toEqual([])
      expect(await ledger.level(shirt.inventory_item_id!, location())).toEqual({
        stocked: 2,
        reserved: 0,
        count_on_hand: 2,
      })

      // With stock back, the same cart completes: every unit on hand.
      await receive(shirt, 1)
      const { data } = await completeCart(api, store, cartId)
      expect(data.type).toBe("order")
      const units = await ledger.units({ order_id: data.order.id })
      expect(units.map((unit: any) => unit.state)).toEqual(units.map(() => "on_hand"))
      expect(units.reduce((sum: number, unit: any) => sum + unit.quantity, 0)).toBe(3)
    })

    it("hides products without stock from Medusa's product list and count, and shows them once stock arrives", async () => {
      const container = getContainer()
      const [mug] = await createProduct(container, store, [{ title: "Mug" }], "Mug")
      await createProduct(container, store, [{ title: "Poster", manage_inventory: false }], "Poster")
      const list = async (query = "") => {
        const { data } = await api.get(`/store/products?fields=id,title&order=title${query}`, storeHeaders)
        return { titles: data.products.map((product: any) => product.title), count: data.count }
      }
      expect(await list()).toEqual({ titles: ["Poster", "Shirt"], count: 2 })
      expect(await list("&limit=1&offset=1")).toEqual({ titles: ["Shirt"], count: 2 })
      expect(await list("&q=Mug")).toEqual({ titles: [], count: 0 })

      const { data: availability } = await api.get(
        `/store/stock-availability?variant_id=${mug.id}&variant_id=${shirt.id}`,
        storeHeaders
      )
      expect(availability.variants).toEqual([
        // expose_stock_counts is off: no on_hand and no incoming count, only the date.
        { variant_id: mug.id, in_stock: false, backorderable: false, next_restock_at: null },
        { variant_id: shirt.id, in_stock: true, backorderable: false, next_restock_at: null },
      ])

      await receive(mug, 1)
      expect(await list()).toEqual({ titles: ["Mug", "Poster", "Shirt"], count: 3 })
      expect(await list("&q=Mug")).toEqual({ titles: ["Mug"], count: 1 })
    })
  },
})
