import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createAdminUser, expectFailure } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore, startCart } from "../helpers/commerce"
import { ledgerReader } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

// Backorders off: a line either fits at one location or is refused.
stockroomStoreRunner({
  options: { allow_backorders: false },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    const ledger = ledgerReader(dbConnection)

    const receive = (variant: SeededVariant, locationIndex: number, quantity: number) =>
      api.post(
        "/admin/stock-movements",
        { inventory_item_id: variant.inventory_item_id, location_id: store.locations[locationIndex].id, quantity },
        { headers }
      )
    const setPriority = (locationIndex: number, allocation_priority: unknown) =>
      api.post(
        `/admin/stock-locations/${store.locations[locationIndex].id}/stockroom`,
        { allocation_priority },
        { headers }
      )

    beforeEach(async () => {
      ;({ headers } = await createAdminUser(api, getContainer()))
      store = await seedStore(getContainer(), 2)
    })

    it("counts a part shared by a kit and a single variant once: with 1 in stock the second line is refused", async () => {
      const container = getContainer()
      const [part] = await createProduct(container, store, [{ title: "Part" }], "Part")
      const [box] = await createProduct(container, store, [{ title: "Box" }], "Box")
      await receive(part, 0, 1)
      await receive(box, 0, 5)
      const {
        result: [kitProduct],
      } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Kit",
              status: ProductStatus.PUBLISHED,
              shipping_profile_id: store.shippingProfileId,
              sales_channels: [{ id: store.salesChannelId }],
              options: [{ title: "Kind", values: ["Kit"] }],
              variants: [
                {
                  title: "Kit",
                  options: { Kind: "Kit" },
                  manage_inventory: true,
                  allow_backorder: false,
                  prices: [{ currency_code: "eur", amount: 30 }],
                  inventory_items: [
                    { inventory_item_id: part.inventory_item_id!, required_quantity: 1 },
                    { inventory_item_id: box.inventory_item_id!, required_quantity: 1 },
                  ],
                },
              ],
            },
          ],
        },
      })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [kit],
      } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { product_id: kitProduct.id } })

      // Kit first, then the single part.
      const cartId = await startCart(api, store)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: kit.id, quantity: 1 }, store.storeHeaders)
      const refused = await expectFailure(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: part.id, quantity: 1 }, store.storeHeaders)
      )
      expect(refused.status).toBe(400)
      expect(refused.data).toEqual({
        type: "not_allowed",
        message: `Not enough stock: ${part.id} (1 requested, 0 available)`,
      })

      // The other way round: the part first, then the kit.
      const otherCart = await startCart(api, store)
      await api.post(`/store/carts/${otherCart}/line-items`, { variant_id: part.id, quantity: 1 }, store.storeHeaders)
      const kitRefused = await expectFailure(
        api.post(`/store/carts/${otherCart}/line-items`, { variant_id: kit.id, quantity: 1 }, store.storeHeaders)
      )
      expect(kitRefused.status).toBe(400)
      expect(kitRefused.data.message).toBe(`Not enough stock: ${kit.id} (1 requested, 0 available)`)

      // The kit alone sells, and its part is then gone for everyone.
      const order = await placeOrder(api, store, [{ variant_id: kit.id, quantity: 1 }])
      const units = await ledger.units({ order_id: order.id })
      expect(units.map((unit: any) => [unit.inventory_item_id, unit.state, unit.quantity]).sort()).toEqual(
        [
          [part.inventory_item_id, "on_hand", 1],
          [box.inventory_item_id, "on_hand", 1],
        ].sort()
      )
      expect(await ledger.level(part.inventory_item_id!, store.locations[0].id)).toEqual({
        stocked: 1,
        reserved: 1,
        count_on_hand: 0,
      })
      const late = await expectFailure(
        api.post(`/store/carts/${await startCart(api, store)}/line-items`, { variant_id: part.id, quantity: 1 }, store.storeHeaders)
      )
      expect(late.status).toBe(400)
    })

    it("places each line whole at the first location by priority that covers it, and refuses what no one location can supply", async () => {
      const [mug] = await createProduct(getContainer(), store, [{ title: "Mug", allow_backorder: false }], "Mug")
      await receive(mug, 0, 5)
      await receive(mug, 1, 2)
      // The second warehouse comes first.
      const { data } = await setPriority(1, -1)
      expect(data.stock_location_setting ?? data.setting ?? data).toMatchObject({ allocation_priority: -1 })

      const first = await placeOrder(api, store, [{ variant_id: mug.id, quantity: 2 }])
      expect((await ledger.units({ order_id: first.id })).map((unit: any) => [unit.location_id, unit.state, unit.quantity])).toEqual([
        [store.locations[1].id, "on_hand", 2],
      ])
      // The second warehouse is empty now: the next line goes to the first.
      const second = await placeOrder(api, store, [{ variant_id: mug.id, quantity: 3 }])
      expect((await ledger.units({ order_id: second.id })).map((unit: any) => [unit.location_id, unit.quantity])).toEqual([
        [store.locations[0].id, 3],
      ])
      expect(await ledger.level(mug.inventory_item_id!, store.locations[0].id)).toEqual({ stocked: 5, reserved: 3, count_on_hand: 2 })
      expect(await ledger.level(mug.inventory_item_id!, store.locations[1].id)).toEqual({ stocked: 2, reserved: 2, count_on_hand: 0 })
      const allocated = (await ledger.movements(mug.inventory_item_id!)).filter((m: any) => m.kind === "allocated")
      expect(allocated.map((m: any) => [m.originator_id, m.quantity]).sort()).toEqual(
        [
          [first.id, -2],
          [second.id, -3],
        ].sort()
      )

      // 3 left over both warehouses (2 + 1 after a receipt), but no one of them has 3.
      await receive(mug, 1, 1)
      const cartId = await startCart(api, store)
      const refused = await expectFailure(
        api.post(`/store/carts/${cartId}/line-items`, { variant_id: mug.id, quantity: 3 }, store.storeHeaders)
      )
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`Not enough stock: ${mug.id} (3 requested, 2 available)`)

      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit.ok).toBe(true)
    })

    it("refuses a priority that is not a whole number, and anonymous callers", async () => {
      for (const bad of ["first", 1.5, null]) {
        const response = await expectFailure(setPriority(0, bad))
        expect(response.status).toBe(400)
        expect(response.data.message).toContain("allocation_priority")
      }
      const anonymous = await expectFailure(
        api.post(`/admin/stock-locations/${store.locations[0].id}/stockroom`, { allocation_priority: 1 })
      )
      expect(anonymous.status).toBe(401)
      const { data } = await api.get(`/admin/stock-locations/${store.locations[0].id}/stockroom`, { headers })
      expect(JSON.stringify(data)).toContain('"allocation_priority":0')
    })
  },
})
