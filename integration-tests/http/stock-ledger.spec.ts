import { Modules } from "@medusajs/framework/utils"
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

stockroomStoreRunner({
  options: { low_stock_threshold: 2 },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let locationId: string
    let inventoryItemId: string
    let stockItemId: string

    const movementsOf = async (id: string) =>
      (
        await dbConnection.raw(
          "select kind, quantity, stocked_change, count_on_hand_after, stocked_after, sequence, originator_type, actor_id, reason from stock_movement where stock_item_id = ? order by sequence",
          [id]
        )
      ).rows

    const levelOf = async () =>
      (
        await dbConnection.raw(
          "select stocked_quantity::int as stocked, reserved_quantity::int as reserved from inventory_level where inventory_item_id = ? and location_id = ? and deleted_at is null",
          [inventoryItemId, locationId]
        )
      ).rows[0]

    const counts = async () => {
      const [{ n: movements }] = (
        await dbConnection.raw("select count(*)::int as n from stock_movement")
      ).rows
      return { movements, level: await levelOf() }
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      const { data: loc } = await api.post(
        "/admin/stock-locations",
        { name: "Main warehouse" },
        { headers }
      )
      locationId = loc.stock_location.id
      const { data: item } = await api.post(
        "/admin/inventory-items",
        { sku: "SHIRT-M", title: "Shirt M" },
        { headers }
      )
      inventoryItemId = item.inventory_item.id
      const stockItem = await waitFor(async () => {
        const { data } = await api.get(
          `/admin/stock-items?inventory_item_id=${inventoryItemId}&location_id=${locationId}`,
          { headers }
        )
        return data.stock_items[0]
      })
      stockItemId = stockItem.id
    })

    it("propagates a stock item and a level at 0 when an inventory item is created", async () => {
      const { data } = await api.get(`/admin/stock-items/${stockItemId}`, { headers })
      expect(data.stock_item).toMatchObject({
        id: stockItemId,
        inventory_item_id: inventoryItemId,
        location_id: locationId,
        backorderable: true,
        on_hand: 0,
        allocated: 0,
        count_on_hand: 0,
        backordered_quantity: 0,
        low_stock_threshold: null,
      })
      expect(await levelOf()).toEqual({ stocked: 0, reserved: 0 })
      expect(await movementsOf(stockItemId)).toEqual([])
    })

    it("records +n and −n movements with balances, the actor and Medusa's level", async () => {
      const { data: received } = await api.post(
        "/admin/stock-movements",
        { stock_item_id: stockItemId, quantity: 10, reason: "supplier delivery" },
        { headers }
      )
      expect(received.stock_movement).toMatchObject({
        kind: "received",
        quantity: 10,
        stocked_change: 10,
        count_on_hand_after: 10,
        stocked_after: 10,
        sequence: 1,
        originator_type: "user",
      })
      expect(received.stock_movement.actor_id).toMatch(/^user_/)

      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: inventoryItemId, location_id: locationId, quantity: -4, note: "damaged" },
        { headers }
      )
      expect(await levelOf()).toEqual({ stocked: 6, reserved: 0 })
      expect(await movementsOf(stockItemId)).toEqual([
        expect.objectContaining({ kind: "received", quantity: 10, stocked_change: 10, count_on_hand_after: 10, stocked_after: 10, sequence: 1, reason: "supplier delivery" }),
        expect.objectContaining({ kind: "adjusted", quantity: -4, stocked_change: -4, count_on_hand_after: 6, stocked_after: 6, sequence: 2 }),
      ])

      const { data: list } = await api.get(
        `/admin/stock-movements?stock_item_id=${stockItemId}`,
        { headers }
      )
      expect(list.count).toBe(2)
      expect(list.stock_movements.map((m: any) => m.sequence)).toEqual([2, 1])
      const { data: one } = await api.get(
        `/admin/stock-movements/${received.stock_movement.id}`,
        { headers }
      )
      expect(one.stock_movement.id).toBe(received.stock_movement.id)

      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit).toMatchObject({ ok: true, problems: [] })
    })

    it("filters the ledger by stock item, inventory item, location and kind, counting every match", async () => {
      const { data: loc } = await api.post("/admin/stock-locations", { name: "Second" }, { headers })
      const secondLocationId = loc.stock_location.id
      const { data: item } = await api.post("/admin/inventory-items", { sku: "SHIRT-L", title: "Shirt L" }, { headers })
      const otherItemId = item.inventory_item.id
      const stockItemOf = (inventory_item_id: string, location_id: string) =>
        waitFor(async () => {
          const { data } = await api.get(
            `/admin/stock-items?inventory_item_id=${inventory_item_id}&location_id=${location_id}`,
            { headers }
          )
          return data.stock_items[0]?.id as string | undefined
        })
      const places = [
        stockItemId,
        await stockItemOf(inventoryItemId, secondLocationId),
        await stockItemOf(otherItemId, locationId),
        await stockItemOf(otherItemId, secondLocationId),
      ]
      for (const [index, stock_item_id] of places.entries()) {
        for (const quantity of [5 + index, -1, 2]) {
          await api.post("/admin/stock-movements", { stock_item_id, quantity }, { headers })
        }
      }

      for (const [query, where, params] of [
        ["", "", []],
        [`stock_item_id=${places[1]}`, "and stock_item_id = ?", [places[1]]],
        [`inventory_item_id=${otherItemId}`, "and inventory_item_id = ?", [otherItemId]],
        [`location_id=${secondLocationId}`, "and location_id = ?", [secondLocationId]],
        [`location_id=${secondLocationId}&stock_item_id=${places[3]}`, "and location_id = ? and stock_item_id = ?", [secondLocationId, places[3]]],
        [`stock_item_id[]=${places[0]}&stock_item_id[]=${places[2]}`, "and stock_item_id in (?, ?)", [places[0], places[2]]],
        ["kind=adjusted", "and kind = ?", ["adjusted"]],
        [`kind=received&location_id=${locationId}`, "and kind = ? and location_id = ?", ["received", locationId]],
        [`location_id=sloc_nowhere`, "and location_id = ?", ["sloc_nowhere"]],
      ] as [string, string, string[]][]) {
        const expected = (
          await dbConnection.raw(
            `select id from stock_movement where deleted_at is null ${where} order by created_at desc, sequence desc, id desc`,
            params
          )
        ).rows.map((row: any) => row.id)
        const { data: list } = await api.get(`/admin/stock-movements?${query}`, { headers })
        expect({ query, ids: list.stock_movements.map((m: any) => m.id), count: list.count }).toEqual({
          query,
          ids: expected,
          count: expected.length,
        })
        // The count is of every match, not of the page.
        const { data: page } = await api.get(`/admin/stock-movements?${query}${query ? "&" : ""}limit=1&offset=1`, { headers })
        expect(page.count).toBe(expected.length)
        expect(page.stock_movements.map((m: any) => m.id)).toEqual(expected.slice(1, 2))
      }
    })

    it("refuses a decrease below zero on a non-backorderable item and writes nothing", async () => {
      await api.post(`/admin/stock-items/${stockItemId}`, { backorderable: false }, { headers })
      await api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity: 3 }, { headers })
      const before = await counts()

      const response = await expectFailure(
        api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity: -5 }, { headers })
      )
      expect(response.status).toBe(400)
      expect(response.data.type).toBe("not_allowed")
      expect(response.data.message).toContain("only 3 available")
      expect(await counts()).toEqual(before)
    })

    it("allows a decrease below zero on a backorderable item", async () => {
      const { data } = await api.post(
        "/admin/stock-movements",
        { stock_item_id: stockItemId, quantity: -2 },
        { headers }
      )
      expect(data.stock_movement).toMatchObject({ kind: "adjusted", count_on_hand_after: -2, stocked_after: -2 })
      expect(await levelOf()).toEqual({ stocked: -2, reserved: 0 })
    })

    it("keeps an exact sum and a consistent chain under 50 concurrent movements", async () => {
      const quantities = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? -2 : 5))
      await Promise.all(
        quantities.map((quantity) =>
          api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity }, { headers })
        )
      )
      const total = quantities.reduce((a, b) => a + b, 0)
      expect(await levelOf()).toEqual({ stocked: total, reserved: 0 })
      const movements = await movementsOf(stockItemId)
      expect(movements).toHaveLength(50)
      let running = 0
      movements.forEach((movement: any, index: number) => {
        running += movement.stocked_change
        expect(movement.sequence).toBe(index + 1)
        expect(movement.stocked_after).toBe(running)
        expect(movement.count_on_hand_after).toBe(running)
      })
      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit.ok).toBe(true)
    })

    it("ledgers an absolute level edit made in Medusa's own admin route as one reconciled movement", async () => {
      await api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity: 4 }, { headers })
      await api.post(
        `/admin/inventory-items/${inventoryItemId}/location-levels/${locationId}`,
        { stocked_quantity: 9 },
        { headers }
      )
      const movements = await waitFor(async () => {
        const rows = await movementsOf(stockItemId)
        return rows.length === 2 ? rows : undefined
      })
      expect(movements[1]).toMatchObject({
        kind: "reconciled",
        quantity: 5,
        stocked_change: 5,
        count_on_hand_after: 9,
        stocked_after: 9,
        sequence: 2,
        originator_type: "system",
      })
      // A redelivered event records nothing twice.
      await getContainer()
        .resolve(Modules.EVENT_BUS)
        .emit({ name: "inventory.inventory-level.updated", data: { id: (await dbConnection.raw("select id from inventory_level where inventory_item_id = ? and location_id = ?", [inventoryItemId, locationId])).rows[0].id } })
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await movementsOf(stockItemId)).toHaveLength(2)
    })

    it("emits movement, back-in-stock, low-stock and out-of-stock events as the count crosses them", async () => {
      const seen: { name: string; data: any }[] = []
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of [
        "stockroom.stock_movement.created",
        "stockroom.stock_item.back_in_stock",
        "stockroom.stock_item.low_stock",
        "stockroom.stock_item.out_of_stock",
      ]) {
        bus.subscribe(name, async (event: any) => {
          const data = event?.data ?? event
          if (data.stock_item_id === stockItemId) {
            seen.push({ name, data })
          }
        })
      }
      // threshold 2 (the store's option): 0 → 3 → 1 → 0
      for (const quantity of [3, -2, -1]) {
        await api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity }, { headers })
      }
      await waitFor(async () => seen.length >= 6)
      const pairs = seen.map((event) => [event.name, event.data.count_on_hand ?? event.data.count_on_hand_after])
      expect(pairs).toHaveLength(6)
      expect(pairs).toEqual(expect.arrayContaining([
        ["stockroom.stock_movement.created", 3],
        ["stockroom.stock_item.back_in_stock", 3],
        ["stockroom.stock_movement.created", 1],
        ["stockroom.stock_item.low_stock", 1],
        ["stockroom.stock_movement.created", 0],
        ["stockroom.stock_item.out_of_stock", 0],
      ]))
      expect(seen.find((event) => event.name.endsWith("low_stock"))!.data).toMatchObject({ threshold: 2, inventory_item_id: inventoryItemId, location_id: locationId })
    })

    it("rolls back level and movement together when writing the movement fails", async () => {
      await dbConnection.raw(`
        create or replace function stockroom_test_fail() returns trigger as $$
        begin raise exception 'forced failure'; end; $$ language plpgsql;
        create trigger stockroom_test_fail before insert on stock_movement
          for each row when (new.note = 'fail-here') execute function stockroom_test_fail();
      `)
      try {
        const before = await counts()
        const response = await expectFailure(
          api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity: 7, note: "fail-here" }, { headers })
        )
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(await counts()).toEqual(before)
      } finally {
        await dbConnection.raw("drop trigger if exists stockroom_test_fail on stock_movement")
      }
    })

    it("reports a breach when a level is written behind Stockroom's back", async () => {
      await api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity: 4 }, { headers })
      await dbConnection.raw(
        "update inventory_level set stocked_quantity = 11 where inventory_item_id = ? and location_id = ?",
        [inventoryItemId, locationId]
      )
      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit.ok).toBe(false)
      expect(audit.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ stock_item_id: stockItemId, invariant: 1, expected: 11, actual: 4 }),
        ])
      )
    })

    it("refuses to update or delete a movement, at the database too", async () => {
      await api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity: 1 }, { headers })
      await expect(
        dbConnection.raw("update stock_movement set quantity = 100")
      ).rejects.toThrow("append-only")
      await expect(dbConnection.raw("delete from stock_movement")).rejects.toThrow("append-only")
      const { data } = await api.get("/admin/stock-movements", { headers })
      const response = await expectFailure(
        api.delete(`/admin/stock-movements/${data.stock_movements[0].id}`, { headers })
      )
      expect([404, 405]).toContain(response.status)
    })

    describe("bad input writes nothing", () => {
      const cases: [string, Record<string, unknown>, number][] = [
        ["a string quantity", { quantity: "5" }, 400],
        ["a fractional quantity", { quantity: 1.5 }, 400],
        ["a zero quantity", { quantity: 0 }, 400],
        ["a huge quantity", { quantity: 1e12 }, 400],
        ["an unknown field", { quantity: 1, sku: "x" }, 400],
        ["no address", { quantity: 1, stock_item_id: undefined }, 400],
        ["an unknown stock item", { quantity: 1, stock_item_id: "sitem_nope" }, 404],
      ]
      it.each(cases)("%s", async (_, body, status) => {
        const before = await counts()
        const response = await expectFailure(
          api.post("/admin/stock-movements", { stock_item_id: stockItemId, ...body }, { headers })
        )
        expect(response.status).toBe(status)
        expect(response.data).toEqual({ type: expect.any(String), message: expect.any(String) })
        expect(await counts()).toEqual(before)
      })

      it("an unknown location for an inventory item", async () => {
        const before = await counts()
        const response = await expectFailure(
          api.post("/admin/stock-movements", { inventory_item_id: inventoryItemId, location_id: "sloc_nope", quantity: 1 }, { headers })
        )
        expect(response.status).toBe(404)
        expect(response.data.message).toContain("sloc_nope")
        expect(await counts()).toEqual(before)
      })
    })

    it("refuses anonymous callers on every ledger route", async () => {
      // Each request starts only when it is awaited: started together, a
      // later rejection would go unhandled while an earlier one is awaited.
      const calls = [
        () => api.get("/admin/stock-items"),
        () => api.get(`/admin/stock-items/${stockItemId}`),
        () => api.post(`/admin/stock-items/${stockItemId}`, { backorderable: false }),
        () => api.get("/admin/stock-movements"),
        () => api.post("/admin/stock-movements", { stock_item_id: stockItemId, quantity: 1 }),
        () => api.get("/admin/stock-movements/smov_x"),
        () => api.get("/admin/stockroom/audit"),
      ]
      for (const call of calls) {
        expect((await expectFailure(call())).status).toBe(401)
      }
      expect(await movementsOf(stockItemId)).toEqual([])
    })
  },
})
