import { createAdminUser, expectFailure } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore } from "../helpers/commerce"
import { settled } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(300000)

/** Every admin list route, with the query config Medusa's own lists have. */
const LIST_PATHS = [
  "/admin/stock-items",
  "/admin/stock-movements",
  "/admin/stock-movements/export",
  "/admin/stock-transfers",
  "/admin/inventory-units",
  "/admin/orders/order_x/inventory-units",
  "/admin/backorders",
  "/admin/return-authorizations",
]

/** A list to probe: its rows' key, a field it sorts by and one to select. */
type ListCase = { path: string; rows: string; order: string; field: string }

const compare = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0

/** RFC 4180 enough for ids and numbers: no quoted fields here. */
const csvRecords = (text: string) =>
  text
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","))

stockroomStoreRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let socks: SeededVariant
    let location: string

    const explain = (what: string) => (err: any) => {
      throw new Error(`${what} refused (${err.response?.status}): ${JSON.stringify(err.response?.data)}`)
    }

    const receive = (variant: SeededVariant, quantity: number) =>
      api
        .post(
          "/admin/stock-movements",
          { inventory_item_id: variant.inventory_item_id, location_id: location, quantity },
          { headers }
        )
        .catch(explain("Movement"))

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      location = store.locations[0].id
      ;[shirt, socks] = await createProduct(container, store, [{ title: "Shirt" }, { title: "Socks" }])
    })

    it("refuses anonymous callers on every list", async () => {
      for (const path of LIST_PATHS) {
        const response = await expectFailure(api.get(path))
        expect([path, response.status]).toEqual([path, 401])
      }
    })

    it("sorts by known fields only, both ways, and returns only the fields asked for", async () => {
      // Two orders with backorders (5 shirts against 3, then 1 more), and a
      // shipped order of socks with two return authorizations.
      await receive(shirt, 3)
      await receive(socks, 7)
      const first = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 5 }])
      await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 1 }])
      const shipped = await placeOrder(api, store, [{ variant_id: socks.id, quantity: 2 }])
      await api
        .post(
          `/admin/orders/${shipped.id}/fulfillments`,
          { items: [{ id: shipped.items[0].id, quantity: 2 }], location_id: location },
          { headers }
        )
        .catch(explain("Fulfillment"))
      await settled(api, headers)
      for (const reason of ["too small", "changed mind"]) {
        await api
          .post(
            "/admin/return-authorizations",
            {
              order_id: shipped.id,
              location_id: location,
              reason,
              items: [{ line_item_id: shipped.items[0].id, quantity: 1 }],
            },
            { headers }
          )
          .catch(explain("Return authorization"))
      }
      for (const reference of ["PO-A", "PO-B"]) {
        await api
          .post(
            "/admin/stock-transfers",
            {
              destination_location_id: location,
              reference,
              items: [{ inventory_item_id: socks.inventory_item_id, quantity: 1 }],
            },
            { headers }
          )
          .catch(explain("Transfer"))
      }
      await settled(api, headers)

      const lists: ListCase[] = [
        { path: `/admin/stock-items?location_id=${location}`, rows: "stock_items", order: "on_hand", field: "count_on_hand" },
        { path: `/admin/stock-movements?location_id=${location}`, rows: "stock_movements", order: "quantity", field: "kind" },
        { path: "/admin/stock-transfers", rows: "stock_transfers", order: "reference", field: "reference" },
        { path: "/admin/inventory-units", rows: "inventory_units", order: "quantity", field: "state" },
        { path: `/admin/orders/${first.id}/inventory-units`, rows: "inventory_units", order: "quantity", field: "state" },
        { path: "/admin/backorders", rows: "backorders", order: "quantity", field: "order_id" },
        { path: "/admin/return-authorizations", rows: "return_authorizations", order: "number", field: "state" },
      ]
      const get = (path: string, query: string) =>
        api.get(`${path}${path.includes("?") ? "&" : "?"}${query}`, { headers })

      for (const list of lists) {
        for (const order of ["password", "-password"]) {
          const refused = await expectFailure(get(list.path, `order=${order}`))
          expect([list.path, refused.status, refused.data]).toEqual([
            list.path,
            400,
            { type: "invalid_data", message: "Order field password is not valid" },
          ])
        }

        const { data: ascending } = await get(list.path, `order=${list.order}`)
        const { data: descending } = await get(list.path, `order=-${list.order}`)
        const up = ascending[list.rows] as any[]
        const down = descending[list.rows] as any[]
        expect([list.path, up.length > 1, down.length]).toEqual([list.path, true, up.length])
        for (let i = 1; i < up.length; i++) {
          expect([list.path, compare(up[i - 1][list.order], up[i][list.order]) <= 0]).toEqual([list.path, true])
          expect([list.path, compare(down[i - 1][list.order], down[i][list.order]) >= 0]).toEqual([list.path, true])
        }
        expect([list.path, up[0].id === down[0].id]).toEqual([list.path, false])

        const { data: selected } = await get(list.path, `fields=id,${list.field}`)
        expect(selected[list.rows]).toHaveLength(up.length)
        for (const row of selected[list.rows]) {
          expect([list.path, Object.keys(row).sort()]).toEqual([list.path, ["id", list.field].sort()])
        }
      }

      // A relation can be selected but not sorted on.
      const byItems = await expectFailure(get("/admin/stock-transfers", "order=items"))
      expect(byItems.status).toBe(400)
      expect(byItems.data).toEqual({ type: "invalid_data", message: "Order field items is not valid" })

      // The export takes the list's order and `fields` picks its columns.
      const exportPath = `/admin/stock-movements/export?location_id=${location}`
      const refused = await expectFailure(get(exportPath, "order=password"))
      expect(refused.status).toBe(400)
      expect(typeof refused.data === "string" ? JSON.parse(refused.data) : refused.data).toEqual({
        type: "invalid_data",
        message: "Order field password is not valid",
      })
      const quantities = async (order: string) =>
        csvRecords((await get(exportPath, `order=${order}&fields=id,quantity`)).data)
      const up = await quantities("quantity")
      const down = await quantities("-quantity")
      expect(up[0]).toEqual(["id", "quantity"])
      expect(up.slice(1).map(([, quantity]) => Number(quantity))).toEqual(
        up
          .slice(1)
          .map(([, quantity]) => Number(quantity))
          .sort((a, b) => a - b)
      )
      expect(down.slice(1).map(([, quantity]) => Number(quantity))).toEqual(
        down
          .slice(1)
          .map(([, quantity]) => Number(quantity))
          .sort((a, b) => b - a)
      )
      expect(up.length).toBeGreaterThan(2)
    })
  },
})
