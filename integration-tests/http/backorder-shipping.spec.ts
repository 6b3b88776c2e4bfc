import { createAdminUser } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore } from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

stockroomStoreRunner({
  options: { allow_backorder_shipping: true },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    const ledger = ledgerReader(dbConnection)

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt" }])
    })

    it("ships backordered units too when allow_backorder_shipping is on", async () => {
      const location = store.locations[0].id
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 2 },
        { headers }
      )
      const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 3 }])
      await settled(api, headers)

      const {
        data: { order: fulfilled },
      } = await api.post(
        `/admin/orders/${order.id}/fulfillments?fields=id,fulfillments.id`,
        { items: [{ id: order.items[0].id, quantity: 3 }], location_id: location },
        { headers }
      )
      const fulfillmentId = fulfilled.fulfillments[0].id
      await settled(api, headers)

      const units = await ledger.units({ order_id: order.id })
      expect(units.map((unit: any) => [unit.state, unit.fulfillment_id])).toEqual(
        units.map(() => ["shipped", fulfillmentId])
      )
      expect(units.reduce((sum: number, unit: any) => sum + unit.quantity, 0)).toBe(3)
      expect(await ledger.level(shirt.inventory_item_id!, location)).toEqual({
        stocked: -1,
        reserved: 0,
        count_on_hand: -1,
      })
      const movements = await ledger.movements(shirt.inventory_item_id!, location)
      expect(movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.stocked_after])).toEqual([
        ["received", 2, 2, 2, 2],
        ["allocated", -3, 0, -1, 2],
        ["shipped", 0, -3, -1, -1],
      ])
      expect(movements[2]).toMatchObject({ originator_type: "fulfillment", originator_id: fulfillmentId })
    })
  },
})
