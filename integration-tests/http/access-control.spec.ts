import {
  createRole,
  createUserWithRoles,
  discoverAdminRoutes,
  FIXTURE_STORE_RBAC,
  isStockroomPolicy,
  listPolicies,
  SUPER_ADMIN_ROLE,
} from "../helpers/access"
import { expectFailure } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore } from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(300000)

// Medusa's rbac flag is on in this store. With it off (every other spec's
// store) the same routes answer as before: the policies are not checked.
stockroomStoreRunner({
  fixture: FIXTURE_STORE_RBAC,
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let from: string
    let to: string
    const ledger = ledgerReader(dbConnection)
    const count = async (table: string) =>
      Number((await dbConnection.raw(`select count(*)::int as n from ${table}`)).rows[0].n)
    const writes = async () => ({
      movements: await count("stock_movement"),
      transfers: await count("stock_transfer"),
      authorizations: await count("return_authorization"),
      units: await count("inventory_unit"),
      level: await ledger.level(shirt.inventory_item_id!, from),
    })

    beforeEach(async () => {
      const container = getContainer()
      admin = (await createUserWithRoles(api, container, "super@stockroom.test", [SUPER_ADMIN_ROLE]))
        .headers
      store = await seedStore(container, 2)
      from = store.locations[0].id
      to = store.locations[1].id
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt" }])
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: from, quantity: 10 },
        { headers: admin }
      )
    })

    /** A user whose one role holds the policies `pick` selects. */
    const userWith = async (email: string, pick: (policy: any) => boolean) => {
      const policies = await listPolicies(api, admin)
      const role = await createRole(api, admin, email, policies, pick)
      return (await createUserWithRoles(api, getContainer(), email, [role])).headers
    }

    const movementBody = () => ({
      inventory_item_id: shirt.inventory_item_id,
      location_id: from,
      quantity: 50,
    })
    const levelBody = () => ({
      inventory_item_id: shirt.inventory_item_id,
      location_id: from,
      on_hand: 99,
    })
    const transferBody = () => ({
      source_location_id: from,
      destination_location_id: to,
      items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 2 }],
    })

    describe("a role with every Medusa policy but none of Stockroom's", () => {
      it("gets 403 on every Stockroom admin route and writes nothing", async () => {
        const headers = await userWith("medusa-only@stockroom.test", (p) =>
          // Medusa's super-admin wildcard would grant Stockroom's too.
          !isStockroomPolicy(p) && p.resource !== "*" && p.operation !== "*"
        )
        // The role is not weak: Medusa's own inventory routes let it in.
        const own = await api.get("/admin/inventory-items", { headers })
        expect(own.status).toBe(200)

        const routes = discoverAdminRoutes()
        expect(routes.length).toBeGreaterThanOrEqual(22)
        // Real bodies for the routes that write, so only the policy stops them.
        const bodies: Record<string, unknown> = {
          "POST /admin/stock-movements": movementBody(),
          "POST /admin/stock-transfers": transferBody(),
          "POST /admin/orders/sr_missing/inventory-units/reallocate": {
            line_item_id: "ordli_missing",
            location_id: to,
          },
          "POST /admin/stock-movements/batch": { movements: [movementBody()] },
          "POST /admin/stock-levels/batch": { levels: [levelBody()] },
        }
        const before = await writes()
        const answers: string[] = []
        for (const route of routes) {
          const response = await api.request({
            method: route.method,
            url: route.path,
            data: route.method === "GET" ? undefined : bodies[`${route.method} ${route.path}`] ?? {},
            headers,
            validateStatus: () => true,
          })
          // The refusal names a Stockroom policy: the route's own, not Medusa's.
          answers.push(
            `${route.method} ${route.path} ${response.status} ${/stockroom_/.test(response.data?.message)}`
          )
        }
        expect(answers).toEqual(routes.map((route) => `${route.method} ${route.path} 403 true`))
        expect(await writes()).toEqual(before)
      })
    })

    describe("a role with only Stockroom's reads", () => {
      it("lists and exports, but cannot move, transfer, edit or authorize", async () => {
        const headers = await userWith(
          "reader@stockroom.test",
          (p) => isStockroomPolicy(p) && p.operation === "read"
        )
        const { data: me } = await api.get("/admin/rbac/me/permissions", { headers })
        expect(me.permissions.filter((key: string) => key.startsWith("stockroom_"))).toEqual([
          "stockroom_audit:read",
          "stockroom_checkout_hold:read",
          "stockroom_inventory_unit:read",
          "stockroom_location_setting:read",
          "stockroom_purchase_order:read",
          "stockroom_return_authorization:read",
          "stockroom_stock_count:read",
          "stockroom_stock_item:read",
          "stockroom_stock_movement:read",
          "stockroom_stock_subscription:read",
          "stockroom_stock_transfer:read",
        ])

        const { data: items } = await api.get(
          `/admin/stock-items?inventory_item_id=${shirt.inventory_item_id}`,
          { headers }
        )
        const stocked = items.stock_items.find((item: any) => item.location_id === from)
        expect(stocked.count_on_hand).toBe(10)
        const stockItemId = stocked.id
        const { data: movements } = await api.get(
          `/admin/stock-movements?inventory_item_id=${shirt.inventory_item_id}`,
          { headers }
        )
        expect(movements.stock_movements.map((m: any) => [m.kind, m.quantity])).toEqual([
          ["received", 10],
        ])
        const csv = await api.get(
          `/admin/stock-movements/export?inventory_item_id=${shirt.inventory_item_id}`,
          { headers }
        )
        expect(csv.status).toBe(200)
        expect(String(csv.data).trim().split("\n")).toHaveLength(2)
        for (const url of [
          `/admin/stock-items/${stockItemId}`,
          "/admin/stock-transfers",
          "/admin/return-authorizations",
          "/admin/inventory-units",
          "/admin/backorders",
          "/admin/stockroom",
          "/admin/stockroom/audit",
        ]) {
          expect([url, (await api.get(url, { headers })).status]).toEqual([url, 200])
        }

        const before = await writes()
        const refused = async (url: string, body: unknown) => {
          const response = await expectFailure(api.post(url, body, { headers }))
          return [url, response.status, response.data.message]
        }
        expect(await refused("/admin/stock-movements", movementBody())).toEqual([
          "/admin/stock-movements",
          403,
          "Insufficient permissions. Required policies: stockroom_stock_movement:create, inventory_level:update",
        ])
        expect(await refused("/admin/stock-transfers", transferBody())).toEqual([
          "/admin/stock-transfers",
          403,
          "Insufficient permissions. Required policies: stockroom_stock_transfer:create, inventory_level:update",
        ])
        expect(await refused(`/admin/stock-items/${stockItemId}`, { backorderable: false })).toEqual([
          `/admin/stock-items/${stockItemId}`,
          403,
          "Insufficient permissions. Required policies: stockroom_stock_item:update, product_variant:update",
        ])
        expect(
          await refused("/admin/return-authorizations", {
            order_id: "order_missing",
            items: [{ line_item_id: "line_missing", quantity: 1 }],
            reason: "Too small",
          })
        ).toEqual([
          "/admin/return-authorizations",
          403,
          "Insufficient permissions. Required policies: stockroom_return_authorization:create",
        ])
        // Medusa's own middleware for every /admin/orders route asks for
        // order:read first, which this role (Stockroom's reads only) lacks.
        expect(
          await refused("/admin/orders/order_missing/inventory-units/reallocate", {
            line_item_id: "ordli_missing",
            location_id: to,
          })
        ).toEqual([
          "/admin/orders/order_missing/inventory-units/reallocate",
          403,
          "Insufficient permissions. Required policies: order:read",
        ])
        expect(await writes()).toEqual(before)
      })
    })

    describe("a role with Stockroom's movements but not Medusa's level edits", () => {
      it("cannot move stock, since a movement changes Medusa's inventory level", async () => {
        const headers = await userWith(
          "mover@stockroom.test",
          (p) => p.resource === "stockroom_stock_movement"
        )
        const before = await writes()
        const response = await expectFailure(
          api.post("/admin/stock-movements", movementBody(), { headers })
        )
        expect([response.status, response.data.message]).toEqual([
          403,
          "Insufficient permissions. Required policies: stockroom_stock_movement:create, inventory_level:update",
        ])
        for (const [url, body] of [
          ["/admin/stock-movements/batch", { movements: [movementBody()] }],
          ["/admin/stock-levels/batch", { levels: [levelBody()] }],
        ] as const) {
          const batch = await expectFailure(api.post(url, body, { headers }))
          expect([url, batch.status, batch.data.message]).toEqual([
            url,
            403,
            "Insufficient permissions. Required policies: stockroom_stock_movement:create, inventory_level:update",
          ])
        }
        expect(await writes()).toEqual(before)

        const allowed = await userWith(
          "stock-clerk@stockroom.test",
          (p) =>
            p.resource === "stockroom_stock_movement" ||
            (p.resource === "inventory_level" && p.operation === "update")
        )
        await api.post("/admin/stock-movements", movementBody(), { headers: allowed })
        await api.post("/admin/stock-movements/batch", { movements: [movementBody()] }, { headers: allowed })
        await api.post("/admin/stock-levels/batch", { levels: [levelBody()] }, { headers: allowed })
        expect(
          (await ledger.movements(shirt.inventory_item_id!, from)).map((m: any) => [m.kind, m.quantity])
        ).toEqual([
          ["received", 10],
          ["received", 50],
          ["received", 50],
          ["adjusted", -11],
        ])
      })
    })

    describe("a super admin", () => {
      it("moves, transfers, edits, authorizes and receives", async () => {
        const headers = admin
        const { data: items } = await api.get(
          `/admin/stock-items?inventory_item_id=${shirt.inventory_item_id}`,
          { headers }
        )
        const stocked = items.stock_items.find((item: any) => item.location_id === from)
        await api.post(`/admin/stock-items/${stocked.id}`, { low_stock_threshold: 3 }, { headers })
        await api.post("/admin/stock-transfers", transferBody(), { headers })
        await api.post(`/admin/stock-locations/${to}/stockroom`, { restock_inventory: true }, { headers })

        const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 1 }])
        const { data: paid } = await api.get(
          `/admin/orders/${order.id}?fields=id,payment_collections.payments.id`,
          { headers }
        )
        await api.post(
          `/admin/payments/${paid.order.payment_collections[0].payments[0].id}/capture`,
          {},
          { headers }
        )
        await api.post(
          `/admin/orders/${order.id}/fulfillments`,
          { items: [{ id: order.items[0].id, quantity: 1 }], location_id: from },
          { headers }
        )
        await settled(api, headers)
        const {
          data: { return_authorization: authorization },
        } = await api.post(
          "/admin/return-authorizations",
          {
            order_id: order.id,
            items: [{ line_item_id: order.items[0].id, quantity: 1 }],
            reason: "Too small",
            location_id: from,
          },
          { headers }
        )
        const { data: received } = await api.post(
          `/admin/return-authorizations/${authorization.id}/receive`,
          {},
          { headers }
        )
        expect(received.return_authorization.state).toBe("received")
        await settled(api, headers)

        expect(
          (await ledger.movements(shirt.inventory_item_id!)).map((m: any) => [m.kind, m.quantity])
        ).toEqual([
          ["received", 10],
          ["transfer_out", -2],
          ["allocated", -1],
          ["shipped", 0],
          ["returned", 1],
          ["transfer_in", 2],
        ])
        const audit = await api.get("/admin/stockroom/audit", { headers })
        expect(audit.data.ok).toBe(true)
      })
    })
  },
})
