import { createAdminUser } from "../helpers/admin"
import { createProduct, SeededStore, SeededVariant, seedStore, startCart } from "../helpers/commerce"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(300000)

type Case = {
  name: string
  method: "get" | "post"
  url: string
  body?: unknown
  /** store route: send the publishable key */
  store?: boolean
  status: number
}

// Every table Stockroom writes, and Medusa's stock columns it changes.
const COUNTS = `select
  (select count(*) from stock_movement)::int as stock_movement,
  (select count(*) from stock_item)::int as stock_item,
  (select count(*) from inventory_unit)::int as inventory_unit,
  (select count(*) from stock_transfer)::int as stock_transfer,
  (select count(*) from stock_transfer_item)::int as stock_transfer_item,
  (select count(*) from stock_location_setting)::int as stock_location_setting,
  (select count(*) from return_authorization)::int as return_authorization,
  (select count(*) from return_authorization_item)::int as return_authorization_item,
  (select count(*) from "return")::int as medusa_return,
  (select coalesce(sum(stocked_quantity), 0)::int from inventory_level) as stocked,
  (select coalesce(sum(reserved_quantity), 0)::int from inventory_level) as reserved,
  (select string_agg(id || ':' || backorderable || ':' || coalesce(low_stock_threshold, -1), ',' order by id) from stock_item) as stock_item_flags,
  (select string_agg(id || ':' || backorderable_default || propagate_all_variants || restock_inventory, ',' order by id) from stock_location_setting) as settings`

stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let stockItemId: string
    let cartId: string

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 2)
      ;[shirt] = await createProduct(container, store, [{ title: "Shirt" }])
      const { data } = await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: store.locations[0].id, quantity: 5 },
        { headers }
      )
      stockItemId = data.stock_movement.stock_item_id
      // The source of the transfer cases may not go below zero.
      await api.post(`/admin/stock-items/${stockItemId}`, { backorderable: false }, { headers })
      cartId = await startCart(api, store)
    })

    const cases = (): Case[] => {
      const location = store.locations[0].id
      const other = store.locations[1].id
      const item = shirt.inventory_item_id!
      const movement = (body: Record<string, unknown>, name: string, status = 400): Case => ({
        name: `movement: ${name}`,
        method: "post",
        url: "/admin/stock-movements",
        body,
        status,
      })
      const transfer = (body: Record<string, unknown>, name: string, status = 400): Case => ({
        name: `transfer: ${name}`,
        method: "post",
        url: "/admin/stock-transfers",
        body,
        status,
      })
      const line = (extra: Record<string, unknown>) => ({
        destination_location_id: other,
        source_location_id: location,
        items: [{ inventory_item_id: item, quantity: 1, ...extra }],
      })
      return [
        movement({}, "empty body"),
        movement({ stock_item_id: stockItemId }, "missing quantity"),
        movement({ stock_item_id: stockItemId, quantity: "5" }, "quantity as a string"),
        movement({ stock_item_id: stockItemId, quantity: 0 }, "zero quantity"),
        movement({ stock_item_id: stockItemId, quantity: 1.5 }, "fractional quantity"),
        movement({ stock_item_id: stockItemId, quantity: 1e12 }, "astronomical quantity"),
        movement({ stock_item_id: stockItemId, quantity: -1e12 }, "astronomically negative quantity"),
        movement({ stock_item_id: stockItemId, quantity: null }, "null quantity"),
        movement({ stock_item_id: stockItemId, quantity: [1] }, "quantity as an array"),
        movement({ stock_item_id: stockItemId, quantity: true }, "quantity as a boolean"),
        movement({ stock_item_id: stockItemId, quantity: "NaN" }, "quantity NaN"),
        movement({ stock_item_id: stockItemId, quantity: 1, unknown: 1 }, "unknown field"),
        movement({ stock_item_id: stockItemId, quantity: 1, actor_id: "user_x" }, "actor_id from the client"),
        movement({ stock_item_id: 5, quantity: 1 }, "stock_item_id as a number"),
        movement({ stock_item_id: "", quantity: 1 }, "empty stock_item_id"),
        movement({ stock_item_id: "sitem_missing", quantity: 1 }, "unknown stock item", 404),
        movement({ inventory_item_id: item, quantity: 1 }, "inventory item without location"),
        movement({ location_id: location, quantity: 1 }, "location without item"),
        movement({ inventory_item_id: item, variant_id: shirt.id, location_id: location, quantity: 1 }, "both inventory_item_id and variant_id"),
        movement({ inventory_item_id: "iitem_missing", location_id: location, quantity: 1 }, "unknown inventory item", 404),
        movement({ variant_id: "variant_missing", location_id: location, quantity: 1 }, "unknown variant", 404),
        movement({ inventory_item_id: item, location_id: "sloc_missing", quantity: 1 }, "unknown location", 404),
        movement({ inventory_item_id: "'; DROP TABLE stock_movement; --", location_id: location, quantity: 1 }, "injection-looking id", 404),
        movement({ stock_item_id: stockItemId, quantity: 1, reason: "x".repeat(201) }, "reason too long"),
        movement({ stock_item_id: stockItemId, quantity: 1, note: "x".repeat(2001) }, "note too long"),
        movement({ stock_item_id: stockItemId, quantity: 1, reason: { $ne: null } }, "reason as an object"),
        transfer({}, "empty body"),
        transfer({ destination_location_id: other, items: [] }, "no items"),
        transfer({ destination_location_id: other }, "items missing"),
        transfer({ destination_location_id: other, items: "all" }, "items as a string"),
        transfer({ source_location_id: location, destination_location_id: location, items: [{ inventory_item_id: item, quantity: 1 }] }, "same source and destination"),
        transfer(line({ quantity: 0 }), "zero quantity"),
        transfer(line({ quantity: -2 }), "negative quantity"),
        transfer(line({ quantity: 2.5 }), "fractional quantity"),
        transfer(line({ quantity: 1e15 }), "astronomical quantity"),
        transfer(line({ quantity: "1" }), "quantity as a string"),
        transfer(line({ variant_id: shirt.id }), "both inventory_item_id and variant_id"),
        transfer(line({ unknown: true }), "unknown item field"),
        transfer({ ...line({}), extra: 1 }, "unknown body field"),
        transfer({ ...line({}), items: [{ inventory_item_id: item, quantity: 1 }, { inventory_item_id: item, quantity: 2 }] }, "an item twice"),
        transfer(line({ inventory_item_id: "iitem_missing" }), "unknown inventory item", 404),
        transfer({ ...line({}), destination_location_id: "sloc_missing" }, "unknown destination", 404),
        transfer({ ...line({}), source_location_id: "sloc_missing" }, "unknown source", 404),
        transfer(line({ quantity: 6 }), "more than the source holds (not backorderable)", 400),
        transfer({ ...line({}), reference: "r".repeat(201) }, "reference too long"),
        { name: "stock item: backorderable as a string", method: "post", url: `/admin/stock-items/${stockItemId}`, body: { backorderable: "yes" }, status: 400 },
        { name: "stock item: negative threshold", method: "post", url: `/admin/stock-items/${stockItemId}`, body: { low_stock_threshold: -1 }, status: 400 },
        { name: "stock item: fractional threshold", method: "post", url: `/admin/stock-items/${stockItemId}`, body: { low_stock_threshold: 0.5 }, status: 400 },
        { name: "stock item: unknown field", method: "post", url: `/admin/stock-items/${stockItemId}`, body: { location_id: other }, status: 400 },
        { name: "stock item: unknown id (update)", method: "post", url: "/admin/stock-items/sitem_missing", body: { backorderable: false }, status: 404 },
        { name: "stock item: unknown id (read)", method: "get", url: "/admin/stock-items/sitem_missing", status: 404 },
        { name: "stock items: limit 0", method: "get", url: "/admin/stock-items?limit=0", status: 400 },
        { name: "stock items: negative offset", method: "get", url: "/admin/stock-items?offset=-1", status: 400 },
        { name: "stock items: unknown filter", method: "get", url: "/admin/stock-items?cost=1", status: 400 },
        { name: "stock items: low_stock not a boolean", method: "get", url: "/admin/stock-items?low_stock=maybe", status: 400 },
        { name: "movements: unknown kind", method: "get", url: "/admin/stock-movements?kind=stolen", status: 400 },
        { name: "movements: bad date", method: "get", url: "/admin/stock-movements?created_at[gte]=yesterday", status: 400 },
        { name: "movements: limit too large", method: "get", url: "/admin/stock-movements?limit=100000", status: 400 },
        { name: "movements: unknown originator type", method: "get", url: "/admin/stock-movements?originator_type=robot", status: 400 },
        { name: "movement: unknown id", method: "get", url: "/admin/stock-movements/smov_missing", status: 404 },
        { name: "export: unknown filter", method: "get", url: "/admin/stock-movements/export?limit=5", status: 400 },
        { name: "transfers: limit not a number", method: "get", url: "/admin/stock-transfers?limit=ten", status: 400 },
        { name: "transfer: unknown id", method: "get", url: "/admin/stock-transfers/stran_missing", status: 404 },
        { name: "units: unknown state", method: "get", url: "/admin/inventory-units?state=lost", status: 400 },
        { name: "units: unknown filter", method: "get", url: "/admin/inventory-units?price=1", status: 400 },
        { name: "order units: unknown order", method: "get", url: "/admin/orders/order_missing/inventory-units", status: 404 },
        { name: "backorders: negative limit", method: "get", url: "/admin/backorders?limit=-5", status: 400 },
        { name: "location settings: unknown location (read)", method: "get", url: "/admin/stock-locations/sloc_missing/stockroom", status: 404 },
        { name: "location settings: unknown location (update)", method: "post", url: "/admin/stock-locations/sloc_missing/stockroom", body: { restock_inventory: false }, status: 404 },
        { name: "location settings: not a boolean", method: "post", url: `/admin/stock-locations/${location}/stockroom`, body: { restock_inventory: "no" }, status: 400 },
        { name: "location settings: unknown field", method: "post", url: `/admin/stock-locations/${location}/stockroom`, body: { stock_location_id: other }, status: 400 },
        ...[
          [{}, "empty body"],
          [{ order_id: "order_missing", location_id: location, reason: "damaged", items: [] }, "no items"],
          [{ order_id: "order_missing", location_id: location, items: [{ line_item_id: "ordli_x", quantity: 1 }] }, "no reason"],
          [{ order_id: "order_missing", location_id: location, reason: "x", amount: -1, items: [{ line_item_id: "ordli_x", quantity: 1 }] }, "negative amount"],
          [{ order_id: "order_missing", location_id: location, reason: "x", amount: "10", items: [{ line_item_id: "ordli_x", quantity: 1 }] }, "amount as a string"],
          [{ order_id: "order_missing", location_id: location, reason: "x", items: [{ line_item_id: "ordli_x", quantity: 0.5 }] }, "fractional quantity"],
          [{ order_id: "order_missing", location_id: location, reason: "x", items: [{ line_item_id: "ordli_x", inventory_unit_id: "iunit_x", quantity: 1 }] }, "both unit and line"],
          [{ order_id: "order_missing", location_id: location, reason: "x", items: [{ line_item_id: "ordli_x", quantity: 1 }], state: "received" }, "unknown field"],
          [{ order_id: "order_missing", reason: "x", items: [{ line_item_id: "ordli_x", quantity: 1 }] }, "location missing"],
          [{ order_id: "order_missing", location_id: location, reason: "x", items: [{ line_item_id: "ordli_x", quantity: 1 }] }, "unknown order", 404],
        ].map(([body, name, status]) => ({
          name: `return authorization: ${name}`,
          method: "post" as const,
          url: "/admin/return-authorizations",
          body,
          status: (status as number) ?? 400,
        })),
        { name: "return authorization: receive unknown", method: "post", url: "/admin/return-authorizations/ra_missing/receive", body: {}, status: 404 },
        { name: "return authorization: cancel unknown", method: "post", url: "/admin/return-authorizations/ra_missing/cancel", body: {}, status: 404 },
        { name: "return authorization: receive with a body", method: "post", url: "/admin/return-authorizations/ra_missing/receive", body: { amount: 5 }, status: 400 },
        { name: "return authorizations: unknown state", method: "get", url: "/admin/return-authorizations?state=lost", status: 400 },
        { name: "return authorization: unknown id", method: "get", url: "/admin/return-authorizations/ra_missing", status: 404 },
        { name: "store availability: no ids", method: "get", url: "/store/stock-availability", store: true, status: 400 },
        { name: "store availability: too many ids", method: "get", url: `/store/stock-availability?${Array.from({ length: 101 }, (_, i) => `variant_id[]=v${i}`).join("&")}`, store: true, status: 400 },
        { name: "store availability: unknown field", method: "get", url: `/store/stock-availability?variant_id=${shirt.id}&fields=cost`, store: true, status: 400 },
        { name: "store availability: foreign sales channel", method: "get", url: `/store/stock-availability?variant_id=${shirt.id}&sales_channel_id=sc_other`, store: true, status: 400 },
        { name: "store availability: unknown variant", method: "get", url: "/store/stock-availability?variant_id=variant_missing", store: true, status: 404 },
        { name: "store availability: no publishable key", method: "get", url: `/store/stock-availability?variant_id=${shirt.id}`, status: 400 },
        { name: "store shortfall: unknown cart", method: "get", url: "/store/carts/cart_missing/stock-shortfall", store: true, status: 404 },
        { name: "store shortfall: unknown field", method: "get", url: `/store/carts/${cartId}/stock-shortfall?x=1`, store: true, status: 400 },
        { name: "store backorders: anonymous", method: "get", url: "/store/orders/order_missing/backorders", store: true, status: 401 },
      ]
    }

    it("answers at least 60 malformed requests with a 4xx {type, message} and writes nothing", async () => {
      const all = cases()
      expect(all.length).toBeGreaterThanOrEqual(60)
      const before = (await dbConnection.raw(COUNTS)).rows[0]
      const wrong: string[] = []
      for (const c of all) {
        const config = {
          headers: c.store ? store.storeHeaders.headers : c.url.startsWith("/admin") ? headers : {},
          validateStatus: () => true,
        }
        const response =
          c.method === "get" ? await api.get(c.url, config) : await api.post(c.url, c.body, config)
        const body = response.data ?? {}
        // Medusa's own authentication answers 401 with a message and no type.
        const shaped =
          (typeof body.type === "string" || response.status === 401) &&
          typeof body.message === "string" &&
          body.message.length > 0
        if (response.status !== c.status || !shaped) {
          wrong.push(`${c.name}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`)
        }
        if (JSON.stringify(body).includes("postgres://")) {
          wrong.push(`${c.name}: leaks the database URL`)
        }
      }
      expect(wrong).toEqual([])
      expect((await dbConnection.raw(COUNTS)).rows[0]).toEqual(before)
    })

    it("refuses an oversized body before reading it", async () => {
      const before = (await dbConnection.raw(COUNTS)).rows[0]
      const response = await api.post(
        "/admin/stock-movements",
        { stock_item_id: stockItemId, quantity: 1, note: "x".repeat(2_000_000) },
        { headers, validateStatus: () => true, maxBodyLength: Infinity, maxContentLength: Infinity }
      )
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(response.data).toEqual({ type: expect.any(String), message: expect.any(String) })
      expect((await dbConnection.raw(COUNTS)).rows[0]).toEqual(before)
    })
  },
})
