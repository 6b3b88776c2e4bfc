import { createAdminUser, expectFailure } from "../helpers/admin"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(180000)

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await probe()
    if (value) {
      return value
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error("condition not met in time")
}

// New locations do not propagate, so switching it on is what creates stock items.
stockroomStoreRunner({
  options: { propagate_all_variants: false },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let locationId: string

    const rows = async (sql: string, params: unknown[] = []) =>
      (await dbConnection.raw(sql, params)).rows

    const settingRow = async (id: string) =>
      (
        await rows(
          `select backorderable_default, propagate_all_variants, restock_inventory
             from stock_location_setting where stock_location_id = ? and deleted_at is null`,
          [id]
        )
      )[0]

    const snapshot = async () => ({
      settings: await rows(
        `select stock_location_id, backorderable_default, propagate_all_variants, restock_inventory
           from stock_location_setting where deleted_at is null order by stock_location_id`
      ),
      stock_items: (await rows("select count(*)::int as n from stock_item where deleted_at is null"))[0].n,
      levels: (await rows("select count(*)::int as n from inventory_level where deleted_at is null"))[0].n,
      movements: (await rows("select count(*)::int as n from stock_movement"))[0].n,
    })

    const createItem = async (sku: string) =>
      (await api.post("/admin/inventory-items", { sku, title: sku }, { headers }))
        .data.inventory_item.id as string

    const update = (id: string, body: Record<string, unknown>) =>
      api.post(`/admin/stock-locations/${id}/stockroom`, body, { headers })

    beforeEach(async () => {
      ;({ headers } = await createAdminUser(api, getContainer()))
      const { data } = await api.post(
        "/admin/stock-locations",
        { name: "Depot" },
        { headers }
      )
      locationId = data.stock_location.id
      await waitFor(() => settingRow(locationId))
    })

    it("shows a new location's setting with the plugin's defaults", async () => {
      const { data } = await api.get(`/admin/stock-locations/${locationId}/stockroom`, {
        headers,
      })
      expect(data.stock_location_setting).toMatchObject({
        id: expect.stringMatching(/^srls_/),
        stock_location_id: locationId,
        backorderable_default: true,
        propagate_all_variants: false,
        restock_inventory: true,
      })
    })

    it("creates the setting row when it is missing", async () => {
      await dbConnection.raw("delete from stock_location_setting where stock_location_id = ?", [
        locationId,
      ])
      const { data } = await api.get(`/admin/stock-locations/${locationId}/stockroom`, {
        headers,
      })
      expect(data.stock_location_setting).toMatchObject({
        stock_location_id: locationId,
        propagate_all_variants: false,
      })
      expect(await settingRow(locationId)).toEqual({
        backorderable_default: true,
        propagate_all_variants: false,
        restock_inventory: true,
      })

      await dbConnection.raw("delete from stock_location_setting where stock_location_id = ?", [
        locationId,
      ])
      const { data: updated } = await update(locationId, { restock_inventory: false })
      expect(updated.stock_location_setting).toMatchObject({
        stock_location_id: locationId,
        restock_inventory: false,
      })
      expect(await settingRow(locationId)).toMatchObject({ restock_inventory: false })
    })

    it("updates the flags, and new stock items at the location follow backorderable_default", async () => {
      const { data } = await update(locationId, {
        backorderable_default: false,
        restock_inventory: false,
      })
      expect(data.stock_location_setting).toMatchObject({
        stock_location_id: locationId,
        backorderable_default: false,
        propagate_all_variants: false,
        restock_inventory: false,
      })
      expect(await settingRow(locationId)).toEqual({
        backorderable_default: false,
        propagate_all_variants: false,
        restock_inventory: false,
      })
      const { data: again } = await api.get(`/admin/stock-locations/${locationId}/stockroom`, {
        headers,
      })
      expect(again.stock_location_setting).toEqual(data.stock_location_setting)

      // An empty body changes nothing.
      const { data: unchanged } = await update(locationId, {})
      expect(unchanged.stock_location_setting).toMatchObject({
        backorderable_default: false,
        restock_inventory: false,
      })

      const itemId = await createItem("LAMP")
      const { data: moved } = await api.post(
        "/admin/stock-movements",
        { inventory_item_id: itemId, location_id: locationId, quantity: 2 },
        { headers }
      )
      const [stockItem] = await rows("select backorderable from stock_item where id = ?", [
        moved.stock_movement.stock_item_id,
      ])
      expect(stockItem.backorderable).toBe(false)
    })

    it("switching propagate_all_variants on gives the location a stock item and a level at 0 for every inventory item", async () => {
      const itemIds = [await createItem("A-1"), await createItem("A-2"), await createItem("A-3")]
      // Stock elsewhere must not leak into the new location's levels.
      const { data: other } = await api.post(
        "/admin/stock-locations",
        { name: "Other" },
        { headers }
      )
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: itemIds[0], location_id: other.stock_location.id, quantity: 5 },
        { headers }
      )
      expect(
        (await rows("select count(*)::int as n from stock_item where location_id = ?", [locationId]))[0].n
      ).toBe(0)
      const movementsBefore = (await rows("select count(*)::int as n from stock_movement"))[0].n

      const { data } = await update(locationId, { propagate_all_variants: true })
      expect(data.stock_location_setting).toMatchObject({ propagate_all_variants: true })

      const atLocation = await rows(
        `select si.inventory_item_id, si.backorderable, l.stocked_quantity::int as stocked,
                l.reserved_quantity::int as reserved
           from stock_item si
           join inventory_level l on l.inventory_item_id = si.inventory_item_id
                                 and l.location_id = si.location_id and l.deleted_at is null
          where si.location_id = ? and si.deleted_at is null
          order by si.inventory_item_id`,
        [locationId]
      )
      expect(atLocation).toEqual(
        [...itemIds].sort().map((inventory_item_id) => ({
          inventory_item_id,
          backorderable: true,
          stocked: 0,
          reserved: 0,
        }))
      )
      // Levels at 0 need no opening movement.
      expect((await rows("select count(*)::int as n from stock_movement"))[0].n).toBe(movementsBefore)

      // Switching it on again (or re-sending it) creates nothing twice.
      await update(locationId, { propagate_all_variants: false })
      await update(locationId, { propagate_all_variants: true })
      expect(
        (await rows("select count(*)::int as n from stock_item where location_id = ? and deleted_at is null", [locationId]))[0].n
      ).toBe(3)

      // And an inventory item created afterwards is propagated to it.
      const laterId = await createItem("A-4")
      await waitFor(async () =>
        (await rows("select 1 from stock_item where inventory_item_id = ? and location_id = ?", [laterId, locationId]))[0]
      )
    })

    describe("bad input writes nothing", () => {
      // Four columns always: jest hands a missing one to the test as `done`.
      const cases: [string, string, Record<string, unknown>, number, string][] = [
        ["an unknown field", "__LOC__", { colour: "red" }, 400, "colour"],
        ["a string boolean", "__LOC__", { backorderable_default: "false" }, 400, "backorderable_default"],
        ["a null flag", "__LOC__", { restock_inventory: null }, 400, "restock_inventory"],
        ["an unknown location", "sloc_nope", { restock_inventory: false }, 404, "sloc_nope"],
      ]
      it.each(cases)("%s", async (_, target, body, status, named) => {
        const id = target === "__LOC__" ? locationId : target
        const before = await snapshot()
        const response = await expectFailure(update(id, body))
        expect(response.status).toBe(status)
        expect(response.data).toEqual({ type: expect.any(String), message: expect.any(String) })
        expect(response.data.message).toContain(named)
        expect(await snapshot()).toEqual(before)
      })

      it("an unknown location on GET", async () => {
        const before = await snapshot()
        const response = await expectFailure(
          api.get("/admin/stock-locations/sloc_nope/stockroom", { headers })
        )
        expect(response.status).toBe(404)
        expect(response.data.message).toContain("sloc_nope")
        expect(await snapshot()).toEqual(before)
      })
    })

    it("refuses anonymous callers", async () => {
      const before = await snapshot()
      // Started one at a time so no rejection goes unhandled.
      const calls = [
        () => api.get(`/admin/stock-locations/${locationId}/stockroom`),
        () => api.post(`/admin/stock-locations/${locationId}/stockroom`, { propagate_all_variants: true }),
      ]
      for (const call of calls) {
        expect((await expectFailure(call())).status).toBe(401)
      }
      expect(await snapshot()).toEqual(before)
    })
  },
})
