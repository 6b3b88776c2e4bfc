import Medusa from "@medusajs/js-sdk"
import { createStockroomClient, type SdkLike } from "../../src/client"
import { createAdminUser } from "../helpers/admin"
import {
  completeCart,
  createProduct,
  SeededStore,
  SeededVariant,
  seedStore,
  signInCustomer,
  startCart,
} from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { openApiMismatch } from "../helpers/openapi"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

/**
 * A Medusa JS SDK whose answers are checked against openapi.json like the
 * axios client's: the typed client is exercised over the real SDK and the
 * real store.
 */
function checkedSdk(sdk: Medusa): SdkLike {
  return {
    client: {
      fetch: async <T>(url: string, init?: Record<string, any>) => {
        const data = await sdk.client.fetch<T>(url, init as any)
        // Asked for CSV, the SDK answers the Response itself; the client reads its text.
        const body = data instanceof Response ? await data.clone().text() : data
        const mismatch = openApiMismatch({
          method: String(init?.method ?? "GET"),
          url,
          status: 200,
          data: body,
        })
        if (mismatch) {
          throw new Error(mismatch)
        }
        return data
      },
    },
  }
}

// The storefront story the README tells with the client: availability on the
// product page, the shortfall on the cart page, backorders on the order page;
// and the admin side of the same order.
stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let shirt: SeededVariant
    let adminHeaders: Record<string, string>
    const ledger = ledgerReader(dbConnection)

    const baseUrl = () => api.defaults.baseURL as string
    const storefront = () =>
      createStockroomClient(
        checkedSdk(new Medusa({ baseUrl: baseUrl(), publishableKey: store.publishableKey }))
      )
    const admin = () =>
      createStockroomClient(
        checkedSdk(
          new Medusa({ baseUrl: baseUrl(), auth: { type: "jwt" }, globalHeaders: adminHeaders })
        )
      )

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers: adminHeaders } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt" }])
    })

    it("serves a storefront's product, cart and order pages and the admin's order view", async () => {
      const location = store.locations[0].id
      // Admin: receive 2 shirts and let the location backorder.
      const { stock_movement } = await admin().adminCreateStockMovement({
        body: { inventory_item_id: shirt.inventory_item_id!, location_id: location, quantity: 2 },
      })
      expect(stock_movement).toMatchObject({ kind: "received", quantity: 2, count_on_hand_after: 2 })
      const { stock_items } = await admin().adminListStockItems({
        query: { inventory_item_id: shirt.inventory_item_id!, location_id: location },
      })
      const { stock_item } = await admin().adminUpdateStockItem({
        id: stock_items[0].id,
        body: { backorderable: true },
      })
      expect(stock_item).toMatchObject({ backorderable: true, count_on_hand: 2, on_hand: 2 })

      // Product page.
      const availability = await storefront().storeGetStockAvailability({
        query: { variant_id: [shirt.id] },
      })
      expect(availability.variants).toEqual([
        {
          variant_id: shirt.id,
          on_hand: 2,
          in_stock: true,
          backorderable: true,
          incoming: 0,
          next_restock_at: null,
        },
      ])

      // Cart page: 5 wanted, 2 there, 3 would be backordered.
      const customer = await signInCustomer(api, store, "grace@stockroom.test")
      const cartId = await startCart(api, store, customer)
      await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: shirt.id, quantity: 5 },
        { headers: { ...store.storeHeaders.headers, ...customer } }
      )
      const shortfall = await storefront().storeGetCartStockShortfall({ id: cartId })
      expect(shortfall.items).toEqual([
        expect.objectContaining({ variant_id: shirt.id, quantity: 5, available: 2, backordered: 3 }),
      ])

      // Order page: the customer sees their 3 backordered shirts.
      const { data } = await completeCart(api, store, cartId, customer)
      expect(data.type).toBe("order")
      await settled(api, adminHeaders)
      const mine = await storefront().storeListOrderBackorders({
        id: data.order.id,
        headers: customer,
      })
      expect(mine.order_id).toBe(data.order.id)
      expect(mine.backorders.map((unit) => [unit.variant_id, unit.quantity])).toEqual([[shirt.id, 3]])

      // Admin: the order's units and totals, as the ledger has them.
      const units = await admin().adminListOrderInventoryUnits({ id: data.order.id })
      expect(units.totals).toEqual({ on_hand: 2, backordered: 3 })
      const stored = await ledger.units({ order_id: data.order.id })
      expect(stored.map((unit: any) => [unit.state, unit.quantity]).sort()).toEqual([
        ["backordered", 3],
        ["on_hand", 2],
      ])
      expect(units.inventory_units.map((unit) => unit.id).sort()).toEqual(
        stored.map((unit: any) => unit.id).sort()
      )
      const movements = await ledger.movements(shirt.inventory_item_id!)
      expect(
        movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.originator_type])
      ).toEqual([
        ["received", 2, 2, 2, "user"],
        ["allocated", -5, 0, -3, "order"],
      ])

      // The CSV export through the same client.
      const csv = await admin().adminExportStockMovements({ query: { kind: "received" } })
      expect(csv.trim().split("\n")).toHaveLength(2)
    })

    it("passes Medusa's refusal through as the SDK's error", async () => {
      await expect(
        admin().adminGetStockItem({ id: "sitem_missing" })
      ).rejects.toMatchObject({ status: 404, message: "Stock item sitem_missing not found" })
      await expect(
        createStockroomClient(new Medusa({ baseUrl: baseUrl() })).storeGetStockAvailability({
          query: { variant_id: shirt.id },
        })
      ).rejects.toMatchObject({ status: 400 })
    })
  },
})
