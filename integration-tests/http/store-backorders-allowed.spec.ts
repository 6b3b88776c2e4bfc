import { createAdminUser, expectFailure } from "../helpers/admin"
import {
  completeCart,
  createProduct,
  SeededStore,
  SeededVariant,
  seedStore,
  signInCustomer,
  startCart,
} from "../helpers/commerce"
import { ledgerReader, settled, waitFor } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

// The defaults: backorders allowed where a stock item is backorderable,
// stock counts exposed to the storefront.
stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let sticker: SeededVariant
    let storeHeaders: { headers: Record<string, string> }
    const ledger = ledgerReader(dbConnection)

    const stockItemAt = async (locationId: string) => {
      const { data } = await api.get(
        `/admin/stock-items?inventory_item_id=${shirt.inventory_item_id}&location_id=${locationId}`,
        { headers }
      )
      return data.stock_items[0]
    }
    const setBackorderable = async (locationId: string, backorderable: boolean) => {
      const item = await stockItemAt(locationId)
      await api.post(`/admin/stock-items/${item.id}`, { backorderable }, { headers })
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 2)
      storeHeaders = store.storeHeaders
      ;[shirt, sticker] = await createProduct(container, store, [
        { title: "Shirt" },
        { title: "Sticker", manage_inventory: false },
      ])
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: store.locations[1].id, quantity: 2 },
        { headers }
      )
      // Neither location may backorder to begin with.
      await setBackorderable(store.locations[0].id, false)
      await setBackorderable(store.locations[1].id, false)
    })

    it("refuses a shortfall where no stock item of the channel is backorderable, allows it where one is", async () => {
      const cartId = await startCart(api, store)
      const refused = await expectFailure(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 5 }, storeHeaders)
      )
      expect(refused.status).toBe(400)
      expect(refused.data).toEqual({
        type: "not_allowed",
        message: `Not enough stock: ${shirt.id} (5 requested, 2 available)`,
      })

      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 2 }, storeHeaders)
      const {
        data: { cart },
      } = await api.get(`/store/carts/${cartId}`, storeHeaders)
      const lineId = cart.items[0].id
      const tooMany = await expectFailure(
        api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 5 }, storeHeaders)
      )
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.message).toBe(`Not enough stock: ${shirt.id} (5 requested, 2 available)`)

      // Medusa's own per-variant flag follows the stock items.
      const allowBackorder = async () =>
        (
          await dbConnection.raw(`select allow_backorder from product_variant where id = ?`, [shirt.id])
        ).rows[0].allow_backorder
      expect(await allowBackorder()).toBe(false)

      // The first location may now backorder: the same update goes through.
      await setBackorderable(store.locations[0].id, true)
      expect(await allowBackorder()).toBe(true)
      await api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 5 }, storeHeaders)
      const { data: shortfall } = await api.get(`/store/carts/${cartId}/stock-shortfall`, storeHeaders)
      // A line is placed whole at one location: the only backorderable one,
      // which has none of the 2 (they are at the second location).
      expect(shortfall).toEqual({
        items: [{ line_item_id: lineId, variant_id: shirt.id, quantity: 5, available: 0, backordered: 5 }],
      })
    })

    it("backorders a line only at a backorderable location, moving Medusa's reservation there", async () => {
      // The first location may backorder but holds nothing; the second holds
      // 2 and may not backorder. Five can be sold, three of them backordered.
      const [backorderable, stocked] = store.locations.map((location) => location.id)
      await setBackorderable(backorderable, true)
      const cartId = await startCart(api, store)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 5 }, storeHeaders)
      const { data } = await completeCart(api, store, cartId)
      expect(data.type).toBe("order")
      await settled(api, headers)

      // Medusa reserves a line at one location; wherever it chose, the
      // reservation and the units end up where backorders are allowed.
      const units = await ledger.units({ order_id: data.order.id })
      expect(units.map((unit: any) => [unit.location_id, unit.state, unit.quantity])).toEqual([
        [backorderable, "backordered", 5],
      ])
      expect(await ledger.level(shirt.inventory_item_id!, backorderable)).toEqual({
        stocked: 0,
        reserved: 5,
        count_on_hand: -5,
      })
      expect(await ledger.level(shirt.inventory_item_id!, stocked)).toEqual({
        stocked: 2,
        reserved: 0,
        count_on_hand: 2,
      })
      const movements = await ledger.movements(shirt.inventory_item_id!)
      expect(movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.originator_type])).toEqual([
        ["allocated", -5, 0, "order"],
        ["received", 2, 2, "user"],
      ])
    })

    it("tells the customer about their own backorders and nobody else", async () => {
      await setBackorderable(store.locations[0].id, true)
      await setBackorderable(store.locations[1].id, true)
      const customer = await signInCustomer(api, store, "ada@stockroom.test")
      const cartId = await startCart(api, store, customer)
      await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: shirt.id, quantity: 5 },
        { headers: { ...storeHeaders.headers, ...customer } }
      )
      const { data } = await completeCart(api, store, cartId, customer)
      expect(data.type).toBe("order")
      const order = data.order
      await settled(api, headers)

      const units = await ledger.units({ order_id: order.id })
      expect(units.reduce((sum: number, unit: any) => sum + unit.quantity, 0)).toBe(5)
      const backordered = units.filter((unit: any) => unit.state === "backordered")
      expect(backordered.length).toBeGreaterThan(0)

      const { data: mine } = await api.get(`/store/orders/${order.id}/backorders`, {
        headers: { ...storeHeaders.headers, ...customer },
      })
      expect(mine.order_id).toBe(order.id)
      expect(mine.backorders.map((unit: any) => [unit.id, unit.variant_id, unit.quantity])).toEqual(
        backordered.map((unit: any) => [unit.id, shirt.id, unit.quantity])
      )
      expect(Object.keys(mine.backorders[0]).sort()).toEqual(
        // expected_at: the date of the incoming stock that covers it (none here).
        ["expected_at", "id", "line_item_id", "ordered_at", "quantity", "variant_id"]
      )

      const stranger = await signInCustomer(api, store, "eve@stockroom.test")
      const forbidden = await expectFailure(
        api.get(`/store/orders/${order.id}/backorders`, {
          headers: { ...storeHeaders.headers, ...stranger },
        })
      )
      expect(forbidden.status).toBe(404)
      const anonymous = await expectFailure(
        api.get(`/store/orders/${order.id}/backorders`, storeHeaders)
      )
      expect(anonymous.status).toBe(401)
    })

    it("reports availability with counts over the channel's locations", async () => {
      await setBackorderable(store.locations[0].id, true)
      const { data } = await api.get(
        `/store/stock-availability?variant_id[]=${shirt.id}&variant_id[]=${sticker.id}&product_id=${(await productOf(shirt.id)).id}`,
        storeHeaders
      )
      expect(data).toEqual({
        variants: [
          // Nothing is on its way: incoming 0, no restock date.
          { variant_id: shirt.id, on_hand: 2, in_stock: true, backorderable: true, incoming: 0, next_restock_at: null },
          { variant_id: sticker.id, on_hand: null, in_stock: true, backorderable: false, incoming: 0, next_restock_at: null },
        ],
        products: [{ product_id: (await productOf(shirt.id)).id, has_stock: true }],
      })

      // A product with no stock anywhere: out of stock, yet backorderable
      // (new stock items take their location's default, backorderable).
      const [mug] = await createProduct(getContainer(), store, [{ title: "Mug" }], "Mug")
      const mugProduct = await productOf(mug.id)
      // Its stock items are created from Medusa's inventory-item event.
      await waitFor(async () => {
        const { data } = await api.get(
          `/admin/stock-items?inventory_item_id=${mug.inventory_item_id}`,
          { headers }
        )
        return data.count === store.locations.length
      }, "the mug's stock items")
      const { data: empty } = await api.get(
        `/store/stock-availability?variant_id=${mug.id}&product_id=${mugProduct.id}`,
        storeHeaders
      )
      expect(empty).toEqual({
        variants: [
          { variant_id: mug.id, on_hand: 0, in_stock: false, backorderable: true, incoming: 0, next_restock_at: null },
        ],
        products: [{ product_id: mugProduct.id, has_stock: false }],
      })
    })

    it("keeps Medusa's per-variant allow_backorder and the stock items' backorderable in step both ways", async () => {
      // Created with Medusa's flag off; its new stock items take the locations'
      // default (backorderable), and the variant follows them.
      const [mug] = await createProduct(getContainer(), store, [{ title: "Mug", allow_backorder: false }], "Mug")
      const variantFlag = async () =>
        (await dbConnection.raw(`select allow_backorder from product_variant where id = ?`, [mug.id]))
          .rows[0].allow_backorder
      const stockItemFlags = async () =>
        (
          await dbConnection.raw(
            `select backorderable from stock_item where inventory_item_id = ? and deleted_at is null`,
            [mug.inventory_item_id]
          )
        ).rows.map((row: any) => row.backorderable)
      await waitFor(async () => (await variantFlag()) === true, "the variant following its stock items")
      expect(await stockItemFlags()).toEqual([true, true])

      // An admin turns backorders off in Medusa's own product form: honoured.
      const product = await productOf(mug.id)
      await api.post(
        `/admin/products/${product.id}/variants/${mug.id}`,
        { allow_backorder: false },
        { headers }
      )
      await waitFor(
        async () => (await stockItemFlags()).every((flag: boolean) => flag === false),
        "the stock items following Medusa's form"
      )
      expect(await variantFlag()).toBe(false)
      const { data } = await api.get(`/store/stock-availability?variant_id=${mug.id}`, storeHeaders)
      expect(data.variants[0]).toMatchObject({ in_stock: false, backorderable: false })
    })

    it("refuses store routes without a publishable key, and bad or unknown ids", async () => {
      const cartId = await startCart(api, store)
      for (const url of [
        `/store/stock-availability?variant_id=${shirt.id}`,
        `/store/carts/${cartId}/stock-shortfall`,
      ]) {
        const response = await expectFailure(api.get(url))
        expect(response.status).toBe(400)
        expect(response.data.type).toBe("not_allowed")
      }
      const empty = await expectFailure(api.get("/store/stock-availability", storeHeaders))
      expect(empty.status).toBe(400)
      expect(empty.data.message).toContain("variant_id or product_id")
      const unknownField = await expectFailure(
        api.get(`/store/stock-availability?variant_id=${shirt.id}&cost=1`, storeHeaders)
      )
      expect(unknownField.status).toBe(400)
      const unknown = await expectFailure(
        api.get("/store/stock-availability?variant_id=variant_missing", storeHeaders)
      )
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("Not found: variant_missing")
      const noCart = await expectFailure(api.get("/store/carts/cart_missing/stock-shortfall", storeHeaders))
      expect(noCart.status).toBe(404)
    })

    async function productOf(variantId: string) {
      const { data } = await api.get(`/admin/products?fields=id,variants.id&limit=50`, { headers })
      return data.products.find((product: any) =>
        product.variants.some((variant: any) => variant.id === variantId)
      )
    }
  },
})
