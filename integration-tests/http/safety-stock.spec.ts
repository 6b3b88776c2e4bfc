import { createAdminUser, expectFailure } from "../helpers/admin"
import {
  completeCart,
  createProduct,
  placeOrder,
  SeededStore,
  SeededVariant,
  seedStore,
  startCart,
} from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

// Safety stock: on hand kept out of sale and out of backorder fills.
// Sellable = count on hand − safety stock. Defaults otherwise (backorders
// allowed where a stock item is backorderable, counts exposed).
stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let storeHeaders: { headers: Record<string, string> }
    const ledger = ledgerReader(dbConnection)
    const location = () => store.locations[0].id

    const stockItem = async () => {
      const { data } = await api.get(
        `/admin/stock-items?inventory_item_id=${shirt.inventory_item_id}&location_id=${location()}`,
        { headers }
      )
      return data.stock_items[0]
    }
    const update = async (body: Record<string, unknown>) => {
      const item = await stockItem()
      return api.post(`/admin/stock-items/${item.id}`, body, { headers })
    }
    const receive = (quantity: number) =>
      api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: location(), quantity },
        { headers }
      )
    /** Units of the order per state, summed; and how many rows each state has. */
    const unitStates = async (orderId: string) => {
      const byState: Record<string, { quantity: number; rows: number }> = {}
      for (const unit of await ledger.units({ order_id: orderId })) {
        const entry = (byState[unit.state] ??= { quantity: 0, rows: 0 })
        entry.quantity += unit.quantity
        entry.rows += 1
      }
      return byState
    }
    const availability = async () => {
      const { data } = await api.get(`/store/stock-availability?variant_id=${shirt.id}`, storeHeaders)
      return data.variants[0]
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      storeHeaders = store.storeHeaders
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt" }], "Shirt")
      await receive(10)
    })

    it("is set through the stock item route, refuses bad values, and writes no movement", async () => {
      const before = await ledger.movements(shirt.inventory_item_id!)
      expect(before).toHaveLength(1)
      expect(await stockItem()).toMatchObject({ safety_stock: 0, count_on_hand: 10, sellable: 10 })

      const { data } = await update({ safety_stock: 3 })
      expect(data.stock_item).toMatchObject({ on_hand: 10, count_on_hand: 10, safety_stock: 3, sellable: 7 })

      for (const bad of [-1, 1.5, "2", null]) {
        const refused = await expectFailure(update({ safety_stock: bad }))
        expect(refused.status).toBe(400)
        expect(refused.data.type).toBe("invalid_data")
        expect(refused.data.message).toContain("safety_stock")
      }
      expect(await stockItem()).toMatchObject({ safety_stock: 3, sellable: 7 })
      // The level and the ledger are untouched: safety stock moves nothing.
      expect(await ledger.movements(shirt.inventory_item_id!)).toEqual(before)
      expect(await ledger.level(shirt.inventory_item_id!, location())).toEqual({
        stocked: 10,
        reserved: 0,
        count_on_hand: 10,
      })
      await settled(api, headers)
    })

    it("refuses a cart beyond sellable stock where the item is not backorderable", async () => {
      await update({ safety_stock: 3, backorderable: false })
      const cartId = await startCart(api, store)
      const refused = await expectFailure(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 8 }, storeHeaders)
      )
      expect(refused.status).toBe(400)
      expect(refused.data).toEqual({
        type: "not_allowed",
        message: `Not enough stock: ${shirt.id} (8 requested, 7 available)`,
      })
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 7 }, storeHeaders)
      const { data } = await completeCart(api, store, cartId)
      expect(data.type).toBe("order")
      expect(await unitStates(data.order.id)).toEqual({ on_hand: { quantity: 7, rows: 1 } })
      expect(await ledger.level(shirt.inventory_item_id!, location())).toEqual({
        stocked: 10,
        reserved: 7,
        count_on_hand: 3,
      })
      // What is left is the safety stock: nothing more to sell.
      expect(await stockItem()).toMatchObject({ count_on_hand: 3, sellable: 0 })
      const second = await startCart(api, store)
      const none = await expectFailure(
        api.post(`/store/carts/${second}/line-items`, { variant_id: shirt.id, quantity: 1 }, storeHeaders)
      )
      expect(none.data.message).toBe(`Not enough stock: ${shirt.id} (1 requested, 0 available)`)
      await settled(api, headers)
    })

    it("backorders units beyond on hand − safety stock at checkout", async () => {
      await update({ safety_stock: 3 })
      const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 9 }])
      expect(await unitStates(order.id)).toEqual({
        on_hand: { quantity: 7, rows: 1 },
        backordered: { quantity: 2, rows: 1 },
      })
      const movements = await ledger.movements(shirt.inventory_item_id!)
      expect(movements.map((row: any) => [row.kind, row.quantity, row.stocked_change, row.count_on_hand_after])).toEqual([
        ["received", 10, 10, 10],
        ["allocated", -9, 0, 1],
      ])
      await settled(api, headers)
    })

    it("fills backorders from receipts only up to on hand − safety stock, and lowering it fills the rest", async () => {
      await update({ safety_stock: 3 })
      const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 12 }])
      expect(await unitStates(order.id)).toEqual({
        on_hand: { quantity: 7, rows: 1 },
        backordered: { quantity: 5, rows: 1 },
      })

      // 11 on hand, 3 kept back, 7 already promised: one unit may fill.
      await receive(1)
      const afterReceipt = {
        on_hand: { quantity: 8, rows: 2 },
        backordered: { quantity: 4, rows: 1 },
      }
      expect(await unitStates(order.id)).toEqual(afterReceipt)
      // Invariant 4 reads "no backorder waits while on hand − safety stock exceeds on_hand units".
      await settled(api, headers)

      // Raising the safety stock takes nothing back from promised units.
      const movementsBefore = await ledger.movements(shirt.inventory_item_id!)
      await update({ safety_stock: 5 })
      expect(await unitStates(order.id)).toEqual(afterReceipt)
      // Lowering it frees what it kept back: 11 − 1 − 8 = 2 fill, no movement.
      await update({ safety_stock: 1 })
      expect(await unitStates(order.id)).toEqual({
        on_hand: { quantity: 10, rows: 3 },
        backordered: { quantity: 2, rows: 1 },
      })
      expect(await ledger.movements(shirt.inventory_item_id!)).toEqual(movementsBefore)
      expect(await ledger.level(shirt.inventory_item_id!, location())).toEqual({
        stocked: 11,
        reserved: 12,
        count_on_hand: -1,
      })
      await settled(api, headers)
    })

    it("tells the storefront what is sellable", async () => {
      expect(await availability()).toMatchObject({ on_hand: 10, in_stock: true, backorderable: true })
      await update({ safety_stock: 4 })
      expect(await availability()).toMatchObject({ on_hand: 6, in_stock: true, backorderable: true })
      await update({ safety_stock: 10, backorderable: false })
      expect(await availability()).toMatchObject({ on_hand: 0, in_stock: false, backorderable: false })
      const { data } = await api.get(`/store/stock-availability?product_id=${await productId()}`, storeHeaders)
      expect(data.products[0].has_stock).toBe(false)
      // Safety stock above what is there never shows a negative count.
      await update({ safety_stock: 25 })
      expect(await availability()).toMatchObject({ on_hand: 0, in_stock: false })
      // The admin list highlights it as low stock (sellable −15 ≤ threshold 2).
      await update({ low_stock_threshold: 2 })
      expect(await stockItem()).toMatchObject({ sellable: -15, low_stock: true, count_on_hand: 10 })
      await update({ safety_stock: 0 })
      expect(await stockItem()).toMatchObject({ sellable: 10, low_stock: false })
      expect(await availability()).toMatchObject({ on_hand: 10, in_stock: true })
    })

    const productId = async () => {
      const { data } = await api.get(`/store/products?fields=id,title`, storeHeaders)
      return data.products.find((product: any) => product.title === "Shirt").id
    }
  },
})
