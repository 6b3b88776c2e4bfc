import { Modules } from "@medusajs/framework/utils"
import { createAdminUser } from "../helpers/admin"
import { createProduct, seedStore } from "../helpers/commerce"
import { settled } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

// Medusa's default notification setup: a local provider for `feed` only.
stockroomStoreRunner({
  options: { back_in_stock_template: "restock-mail" },
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("keeps subscriptions waiting when no provider handles email, and says so", async () => {
      const container = getContainer()
      const { headers } = await createAdminUser(api, container)
      const store = await seedStore(container, 1)
      const location = store.locations[0].id
      const [shirt] = await createProduct(container, store, [{ title: "Waiting" }], "Unsent shirt")
      const { status } = await api.post(
        "/store/stock-subscriptions",
        { variant_id: shirt.id, email: "patient@example.com" },
        store.storeHeaders
      )
      expect(status).toBe(201)

      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 3 },
        { headers }
      )
      await settled(api, headers)
      // the same signal again: still nothing sent, nothing failed
      await container.resolve(Modules.WORKFLOW_ENGINE).run("stockroom-notify-back-in-stock", {
        input: { refs: [{ inventory_item_id: shirt.inventory_item_id, location_id: location }] },
      })
      await new Promise((resolve) => setTimeout(resolve, 1500))

      const emails = await container.resolve(Modules.NOTIFICATION).listNotifications({ channel: "email" }, { take: null })
      expect(emails).toEqual([])
      const { rows } = await dbConnection.raw(
        "select email, notified_at, canceled_at from stock_subscription where variant_id = ?",
        [shirt.id]
      )
      expect(rows).toEqual([{ email: "patient@example.com", notified_at: null, canceled_at: null }])

      const { data } = await api.get("/admin/stockroom/notifications", { headers })
      expect(data).toEqual({ email_provider: false, waiting_subscribers: 1, back_in_stock_template: "restock-mail" })
    })
  },
})
