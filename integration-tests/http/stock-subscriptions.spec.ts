import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createAdminUser, expectFailure } from "../helpers/admin"
import { createProduct, placeOrder, seedStore, signInCustomer, SeededStore } from "../helpers/commerce"
import { ledgerReader, settled, waitFor } from "../helpers/ledger"
import { FIXTURE_STORE_NOTIFICATIONS, stockroomStoreRunner } from "../helpers/store"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"

jest.setTimeout(300000)

/** A second sales channel of the same store, with its own key and location. */
async function secondChannel(container: MedusaContainer, store: SeededStore): Promise<SeededStore> {
  const {
    result: [channel],
  } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Second channel" }] } })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Second storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Second warehouse" }] } })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } })
  return {
    ...store,
    salesChannelId: channel.id,
    publishableKey: key.token,
    storeHeaders: { headers: { "x-publishable-api-key": key.token } },
    locations: [{ id: location.id, shippingOptionId: "", returnOptionId: "" }],
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

stockroomStoreRunner({
  fixture: FIXTURE_STORE_NOTIFICATIONS,
  options: { low_stock_threshold: 2 },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let other: SeededStore

    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows
    const subscriptionsOf = (variantId: string) =>
      rows(
        `select id, email, customer_id, sales_channel_id, token, notified_at, canceled_at
           from stock_subscription where variant_id = ? order by created_at, id`,
        [variantId]
      )
    const notifications = async (filters: Record<string, unknown>) =>
      await getContainer().resolve(Modules.NOTIFICATION).listNotifications(filters, { take: null })
    const emailsFor = async (variantId: string) =>
      (await notifications({ channel: "email" })).filter((n: any) => n.data?.variant_id === variantId)
    const feedFor = async (stockItemId: string) =>
      (await notifications({ channel: "feed" })).filter((n: any) => n.data?.stock_item_id === stockItemId)
    const subscribe = (body: Record<string, unknown>, on: SeededStore = store, extra: Record<string, string> = {}) =>
      api.post("/store/stock-subscriptions", body, { headers: { ...on.storeHeaders.headers, ...extra } })
    const move = async (inventoryItemId: string, locationId: string, quantity: number) => {
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: inventoryItemId, location_id: locationId, quantity },
        { headers }
      )
      await settled(api, headers)
    }
    const stockItemId = async (inventoryItemId: string, locationId: string) =>
      (
        await rows("select id from stock_item where inventory_item_id = ? and location_id = ? and deleted_at is null", [
          inventoryItemId,
          locationId,
        ])
      )[0].id

    beforeAll(async () => {
      const container = getContainer()
      headers = (await createAdminUser(api, container)).headers
      store = await seedStore(container, 1)
      other = await secondChannel(container, store)
    })

    describe("POST /store/stock-subscriptions", () => {
      it("subscribes a guest once per variant, email and channel, and a signed-in customer with their own email", async () => {
        const [shirt] = await createProduct(getContainer(), store, [{ title: "Shirt" }], "Subscribed shirt")
        const first = await subscribe({ variant_id: shirt.id, email: "Shopper@Example.com" })
        expect(first.status).toBe(201)
        expect(first.data.stock_subscription).toMatchObject({
          variant_id: shirt.id,
          email: "shopper@example.com",
          sales_channel_id: store.salesChannelId,
          status: "active",
          customer_id: null,
        })
        expect(first.data.stock_subscription.token).toBeUndefined()
        const again = await subscribe({ variant_id: shirt.id, email: "shopper@example.com" })
        expect(again.status).toBe(200)
        expect(again.data.stock_subscription.id).toBe(first.data.stock_subscription.id)

        const customer = await signInCustomer(api, store, "member@example.com")
        const mine = await subscribe({ variant_id: shirt.id }, store, customer)
        expect(mine.status).toBe(201)
        expect(mine.data.stock_subscription.email).toBe("member@example.com")
        expect(mine.data.stock_subscription.customer_id).toMatch(/^cus_/)

        const saved = await subscriptionsOf(shirt.id)
        expect(saved.map((row: any) => row.email)).toEqual(["shopper@example.com", "member@example.com"])
        expect(saved[0].token).toHaveLength(43)
        expect(saved[0].token).not.toBe(saved[1].token)
      })

      it("refuses bad input with a 4xx and writes nothing", async () => {
        const [shirt, free] = await createProduct(
          getContainer(),
          store,
          [{ title: "Tracked" }, { title: "Untracked", manage_inventory: false }],
          "Refused shirt"
        )
        const [elsewhere] = await createProduct(getContainer(), other, [{ title: "Elsewhere" }], "Other channel")
        const cases: [Record<string, unknown>, number, RegExp][] = [
          [{ variant_id: shirt.id, email: "not-an-email" }, 400, /email must be a valid email address/],
          [{ variant_id: shirt.id }, 400, /email is required unless a customer is signed in/],
          [{ email: "a@example.com" }, 400, /variant_id/],
          [{ variant_id: shirt.id, email: "a@example.com", color: "red" }, 400, /color/],
          [{ variant_id: "variant_missing", email: "a@example.com" }, 404, /variant_missing was not found/],
          [{ variant_id: elsewhere.id, email: "a@example.com" }, 404, /was not found in sales channel/],
          [{ variant_id: free.id, email: "a@example.com" }, 400, /does not track stock/],
          [{ variant_id: shirt.id, email: "a@example.com", sales_channel_id: other.salesChannelId }, 400, /not a sales channel of this publishable key/],
        ]
        for (const [body, status, message] of cases) {
          const response = await expectFailure(subscribe(body))
          expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), status])
          expect(response.data.message).toMatch(message)
        }
        const customer = await signInCustomer(api, store, "owner@example.com")
        const response = await expectFailure(subscribe({ variant_id: shirt.id, email: "someone@example.com" }, store, customer))
        expect(response.status).toBe(400)
        const noKey = await expectFailure(api.post("/store/stock-subscriptions", { variant_id: shirt.id, email: "a@example.com" }))
        expect(noKey.status).toBe(400)
        for (const id of [shirt.id, free.id, elsewhere.id]) {
          expect(await subscriptionsOf(id)).toEqual([])
        }
      })
    })

    describe("back-in-stock notifications", () => {
      it("notifies nobody for stock that only fills backorders, each subscriber once beyond them, never twice", async () => {
        const container = getContainer()
        const location = store.locations[0].id
        const [shirt] = await createProduct(container, store, [{ title: "Blue" }], "Restocked shirt")
        const inventoryItemId = shirt.inventory_item_id!
        const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
        await settled(api, headers)
        for (const email of ["one@example.com", "two@example.com", "leaver@example.com"]) {
          await subscribe({ variant_id: shirt.id, email })
        }
        const leaver = (await subscriptionsOf(shirt.id)).find((row: any) => row.email === "leaver@example.com")

        // unsubscribe: unknown id, wrong or missing token refused; the right token cancels
        expect((await expectFailure(api.delete(`/store/stock-subscriptions/ssub_missing?token=x`, store.storeHeaders))).status).toBe(404)
        const wrong = await expectFailure(api.delete(`/store/stock-subscriptions/${leaver.id}?token=wrong`, store.storeHeaders))
        expect(wrong.status).toBe(400)
        expect(wrong.data.message).toMatch(/token does not match/)
        expect((await expectFailure(api.delete(`/store/stock-subscriptions/${leaver.id}`, store.storeHeaders))).status).toBe(400)
        expect((await subscriptionsOf(shirt.id)).find((row: any) => row.id === leaver.id).canceled_at).toBeNull()
        const { data: left } = await api.delete(
          `/store/stock-subscriptions/${leaver.id}?token=${encodeURIComponent(leaver.token)}`,
          store.storeHeaders
        )
        expect(left.stock_subscription.status).toBe("canceled")

        // 2 received: both fill the order's backorders; nothing sellable, nobody told
        await move(inventoryItemId, location, 2)
        const ledger = ledgerReader(dbConnection)
        const units = await ledger.units({ order_id: order.id })
        expect(units.map((unit: any) => [unit.state, unit.quantity])).toEqual([["on_hand", 2]])
        expect(await ledger.level(inventoryItemId, location)).toEqual({ stocked: 2, reserved: 2, count_on_hand: 0 })
        await sleep(1500)
        expect(await emailsFor(shirt.id)).toEqual([])
        expect((await subscriptionsOf(shirt.id)).filter((row: any) => row.notified_at)).toEqual([])

        // 3 more: sellable again, each active subscriber gets one email
        await move(inventoryItemId, location, 3)
        const sent = await waitFor(async () => {
          const found = await emailsFor(shirt.id)
          // Medusa stores each notification as pending, then marks it once its provider has sent it.
          return found.length >= 2 && found.every((n: any) => n.status !== "pending") ? found : false
        }, "two back-in-stock emails sent")
        const subscriptions = await subscriptionsOf(shirt.id)
        expect(sent.map((n: any) => n.to).sort()).toEqual(["one@example.com", "two@example.com"])
        for (const notification of sent) {
          const subscription = subscriptions.find((row: any) => row.email === notification.to)
          expect(notification).toMatchObject({
            channel: "email",
            template: "stockroom-back-in-stock",
            idempotency_key: subscription.id,
            status: "success",
          })
          expect(notification.data).toMatchObject({
            subscription_id: subscription.id,
            variant_id: shirt.id,
            variant_title: "Blue",
            product_title: "Restocked shirt",
            quantity_sellable: 3,
            unsubscribe_token: subscription.token,
            unsubscribe_path: `/store/stock-subscriptions/${subscription.id}?token=${encodeURIComponent(subscription.token)}`,
          })
          expect(subscription.notified_at).not.toBeNull()
        }
        expect(subscriptions.find((row: any) => row.id === leaver.id)).toMatchObject({ notified_at: null })

        // the same event again, and the sending run twice at once: nothing new
        const stockItem = await stockItemId(inventoryItemId, location)
        await container.resolve(Modules.EVENT_BUS).emit({
          name: "stockroom.stock_item.back_in_stock",
          data: { stock_item_id: stockItem, inventory_item_id: inventoryItemId, location_id: location, count_on_hand: 3, threshold: null },
        })
        const engine = container.resolve(Modules.WORKFLOW_ENGINE)
        const refs = [{ inventory_item_id: inventoryItemId, location_id: location }]
        await Promise.all([
          engine.run("stockroom-notify-back-in-stock", { input: { refs } }),
          engine.run("stockroom-notify-back-in-stock", { input: { refs } }),
        ])
        await sleep(1500)
        expect(await emailsFor(shirt.id)).toHaveLength(2)

        // a new subscriber while the stock lasts is told at the next return, not now
        await subscribe({ variant_id: shirt.id, email: "one@example.com" })
        expect((await subscriptionsOf(shirt.id)).filter((row: any) => !row.notified_at && !row.canceled_at)).toHaveLength(1)
      })

      it("keeps two sales channels apart", async () => {
        const container = getContainer()
        const [shared] = await createProduct(container, store, [{ title: "Shared" }], "Two-channel shirt")
        const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "product_variant",
          fields: ["product_id"],
          filters: { id: shared.id },
        })
        await container.resolve(ContainerRegistrationKeys.LINK).create({
          [Modules.PRODUCT]: { product_id: variants[0].product_id },
          [Modules.SALES_CHANNEL]: { sales_channel_id: other.salesChannelId },
        })
        await subscribe({ variant_id: shared.id, email: "both@example.com" }, store)
        await subscribe({ variant_id: shared.id, email: "both@example.com" }, other)
        const rowsBefore = await subscriptionsOf(shared.id)
        expect(rowsBefore.map((row: any) => row.sales_channel_id).sort()).toEqual(
          [store.salesChannelId, other.salesChannelId].sort()
        )

        // stock arrives at the first channel's location only
        await move(shared.inventory_item_id!, store.locations[0].id, 4)
        await waitFor(async () => (await emailsFor(shared.id)).length === 1, "one email")
        await sleep(1000)
        const sent = await emailsFor(shared.id)
        expect(sent).toHaveLength(1)
        expect(sent[0].data!.sales_channel_id).toBe(store.salesChannelId)
        const after = await subscriptionsOf(shared.id)
        expect(after.find((row: any) => row.sales_channel_id === other.salesChannelId).notified_at).toBeNull()
        expect(after.find((row: any) => row.sales_channel_id === store.salesChannelId).notified_at).not.toBeNull()
      })
    })

    describe("admin alerts in the notification feed", () => {
      it("posts low stock and out of stock once per crossing, re-armed when stock goes back above", async () => {
        const container = getContainer()
        const location = store.locations[0].id
        const [shirt] = await createProduct(container, store, [{ title: "Alerted" }], "Alerted shirt")
        const inventoryItemId = shirt.inventory_item_id!
        await move(inventoryItemId, location, 5)
        const stockItem = await stockItemId(inventoryItemId, location)
        await sleep(800)
        expect(await feedFor(stockItem)).toEqual([])

        await move(inventoryItemId, location, -4)
        const [low] = await waitFor(async () => {
          const found = await feedFor(stockItem)
          return found.length ? found : false
        }, "a low-stock alert")
        expect(low).toMatchObject({ to: "", channel: "feed", data: { title: "Low stock", kind: "low_stock" } })
        expect(low.data!.description).toMatch(/1 left \(threshold 2\)/)

        // the same signal again: no second alert
        await container.resolve(Modules.EVENT_BUS).emit({
          name: "stockroom.stock_item.low_stock",
          data: { stock_item_id: stockItem, inventory_item_id: inventoryItemId, location_id: location, count_on_hand: 1, threshold: 2 },
        })
        await sleep(1200)
        expect(await feedFor(stockItem)).toHaveLength(1)

        // back above the threshold, then below again: a second crossing, a second alert
        await move(inventoryItemId, location, 5)
        await move(inventoryItemId, location, -5)
        await waitFor(async () => (await feedFor(stockItem)).length === 2, "a second low-stock alert")

        await move(inventoryItemId, location, -1)
        await waitFor(async () => (await feedFor(stockItem)).length === 3, "an out-of-stock alert")
        await sleep(800)
        const kinds = (await feedFor(stockItem)).map((n: any) => n.data.kind).sort()
        expect(kinds).toEqual(["low_stock", "low_stock", "out_of_stock"])
        const alerts = await rows("select kind from stock_alert where stock_item_id = ? order by kind", [stockItem])
        expect(alerts.map((row: any) => row.kind)).toEqual(["low_stock", "out_of_stock"])
      })

      it("posts a backorder waiting longer than backorder_alert_days once", async () => {
        const container = getContainer()
        const [shirt] = await createProduct(container, store, [{ title: "Late" }], "Late shirt")
        const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 1 }])
        await settled(api, headers)
        const stockItem = await stockItemId(shirt.inventory_item_id!, store.locations[0].id)
        const engine = container.resolve(Modules.WORKFLOW_ENGINE)
        await engine.run("stockroom-post-stock-alerts", { input: { kind: "backorder_age" } })
        const isAgeAlert = (n: any) => n.data.kind === "backorder_age"
        expect((await feedFor(stockItem)).filter(isAgeAlert)).toEqual([])

        await dbConnection.raw(
          "update inventory_unit set ordered_at = now() - interval '8 days' where order_id = ? and state = 'backordered'",
          [order.id]
        )
        await engine.run("stockroom-post-stock-alerts", { input: { kind: "backorder_age" } })
        await engine.run("stockroom-post-stock-alerts", { input: { kind: "backorder_age" } })
        const aged = (await feedFor(stockItem)).filter(isAgeAlert)
        expect(aged).toHaveLength(1)
        expect(aged[0].data).toMatchObject({ title: "Backorder waiting" })
        expect(aged[0].data!.description).toMatch(/more than 7 days/)
      })
    })

    describe("admin routes", () => {
      it("refuses anonymous callers", async () => {
        for (const path of ["/admin/stock-subscriptions", "/admin/demand", "/admin/stockroom/notifications"]) {
          expect((await expectFailure(api.get(path))).status).toBe(401)
        }
      })

      it("lists subscriptions by variant and status, and demand with backordered units", async () => {
        const container = getContainer()
        const [shirt] = await createProduct(container, store, [{ title: "Wanted" }], "Wanted shirt")
        await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 3 }])
        await settled(api, headers)
        await subscribe({ variant_id: shirt.id, email: "a@example.com" })
        await subscribe({ variant_id: shirt.id, email: "b@example.com" })

        const { data } = await api.get(`/admin/stock-subscriptions?variant_id=${shirt.id}&status=active`, { headers })
        expect(data.count).toBe(2)
        expect(data.stock_subscriptions.map((row: any) => row.email).sort()).toEqual(["a@example.com", "b@example.com"])
        expect(data.stock_subscriptions[0].token).toBeUndefined()
        const { data: none } = await api.get(`/admin/stock-subscriptions?variant_id=${shirt.id}&status=notified`, { headers })
        expect(none.count).toBe(0)

        const { data: demand } = await api.get(`/admin/demand?variant_id=${shirt.id}`, { headers })
        expect(demand.demand).toEqual([
          expect.objectContaining({
            variant_id: shirt.id,
            waiting_subscribers: 2,
            backordered_quantity: 3,
            total: 5,
            variant_title: "Wanted",
            product_title: "Wanted shirt",
          }),
        ])

        for (const query of ["status=sleeping", "limit=0", "order=email", "offset=-1"]) {
          const response = await expectFailure(api.get(`/admin/stock-subscriptions?${query}`, { headers }))
          expect([query, response.status]).toEqual([query, 400])
        }
        expect((await expectFailure(api.get("/admin/demand?colour=red", { headers }))).status).toBe(400)

        const { data: status } = await api.get("/admin/stockroom/notifications", { headers })
        const [{ count: waiting }] = await rows(
          "select count(*)::int as count from stock_subscription where notified_at is null and canceled_at is null and deleted_at is null"
        )
        expect(status).toEqual({
          email_provider: true,
          waiting_subscribers: waiting,
          back_in_stock_template: "stockroom-back-in-stock",
        })
      })
    })
  },
})
