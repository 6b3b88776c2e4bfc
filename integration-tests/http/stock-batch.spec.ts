import { createAdminUser, expectFailure } from "../helpers/admin"
import {
  createProduct,
  placeOrder,
  SeededStore,
  SeededVariant,
  seedStore,
} from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(300000)

stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let socks: SeededVariant
    let location: string
    let shirtSku: string
    const ledger = ledgerReader(dbConnection)

    const rows = async (sql: string, params: unknown[] = []) =>
      (await dbConnection.raw(sql, params)).rows
    const movementCount = async () =>
      (await rows("select count(*)::int as n from stock_movement"))[0].n
    const snapshot = async () => ({
      movements: await movementCount(),
      shirt: await ledger.level(shirt.inventory_item_id!, location),
      socks: await ledger.level(socks.inventory_item_id!, location),
      units: await rows("select state, quantity from inventory_unit order by id"),
    })
    /** Each movement's balances equal the running sums of the movements before it. */
    const expectIntactChain = (movements: any[]) => {
      let onHand = 0
      let countOnHand = 0
      movements.forEach((movement, index) => {
        onHand += movement.stocked_change
        countOnHand += movement.quantity
        expect([movement.sequence, movement.stocked_after, movement.count_on_hand_after]).toEqual([
          index + 1,
          onHand,
          countOnHand,
        ])
      })
    }

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      location = store.locations[0].id
      ;[shirt, socks] = await createProduct(container, store, [
        { title: "Shirt" },
        { title: "Socks" },
      ])
      shirtSku = "BATCH-SHIRT"
      await api.post(`/admin/inventory-items/${shirt.inventory_item_id}`, { sku: shirtSku }, { headers })
      await api.post(
        "/admin/stock-movements",
        { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 10 },
        { headers }
      )
      await settled(api, headers)
    })

    describe("POST /admin/stock-movements/batch", () => {
      it("books every row in order, by inventory item, SKU and stock item, with one running chain", async () => {
        const { data: items } = await api.get(
          `/admin/stock-items?inventory_item_id=${socks.inventory_item_id}&location_id=${location}`,
          { headers }
        )
        const socksStockItem = items.stock_items[0].id
        const { data } = await api.post(
          "/admin/stock-movements/batch",
          {
            movements: [
              { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 5, note: "crate 1" },
              { stock_item_id: socksStockItem, quantity: 7 },
              { sku: shirtSku, location_id: location, quantity: -3, reason_code: "damaged" },
              { variant_id: socks.id, location_id: location, quantity: -2 },
            ],
          },
          { headers }
        )
        expect(data.count).toBe(4)
        // Booked per stock item (locked in id order), each item's rows in request order.
        expect(data.stock_movements.map((m: any) => `${m.kind} ${m.quantity}`).sort()).toEqual([
          "adjusted -2",
          "adjusted -3",
          "received 5",
          "received 7",
        ])
        const shirtMovements = await rows(
          `select kind, quantity, stocked_change, count_on_hand_after, stocked_after, sequence,
                  originator_type, actor_id, reason_code, note
             from stock_movement where inventory_item_id = ? order by sequence`,
          [shirt.inventory_item_id]
        )
        expect(
          shirtMovements.map((m: any) => [m.kind, m.quantity, m.stocked_after, m.sequence, m.reason_code, m.note])
        ).toEqual([
          ["received", 10, 10, 1, "received", null],
          ["received", 5, 15, 2, "received", "crate 1"],
          ["adjusted", -3, 12, 3, "damaged", null],
        ])
        expect(shirtMovements[1].originator_type).toBe("user")
        expect(shirtMovements[1].actor_id).toBeTruthy()
        expectIntactChain(shirtMovements)
        const socksMovements = await ledger.movements(socks.inventory_item_id!, location)
        expect(socksMovements.map((m: any) => [m.kind, m.quantity, m.stocked_after])).toEqual([
          ["received", 7, 7],
          ["adjusted", -2, 5],
        ])
        expectIntactChain(socksMovements)
        expect(await ledger.level(shirt.inventory_item_id!, location)).toEqual({
          stocked: 12,
          reserved: 0,
          count_on_hand: 12,
        })
        await settled(api, headers)
      })

      it("writes nothing for 9,999 good rows and one bad one, and names the bad row", async () => {
        const before = await snapshot()
        const movements: any[] = Array.from({ length: 10000 }, (_, index) => ({
          inventory_item_id: index % 2 ? shirt.inventory_item_id : socks.inventory_item_id,
          location_id: location,
          quantity: 1,
        }))
        movements[6543] = { ...movements[6543], quantity: 0 }
        const response = await expectFailure(
          api.post("/admin/stock-movements/batch", { movements }, { headers })
        )
        expect(response.status).toBe(400)
        expect(response.data.type).toBe("invalid_data")
        expect(response.data.message).toBe(
          "1 of 10000 movements is invalid; nothing was written. movements[6543]: quantity: quantity must not be zero"
        )
        expect(await snapshot()).toEqual(before)
      })

      it("names every unknown SKU, inventory item and location by index (404) and writes nothing", async () => {
        const before = await snapshot()
        const response = await expectFailure(
          api.post(
            "/admin/stock-movements/batch",
            {
              movements: [
                { sku: shirtSku, location_id: location, quantity: 1 },
                { sku: "NO-SUCH-SKU", location_id: location, quantity: 1 },
                { inventory_item_id: "iitem_missing", location_id: location, quantity: 1 },
                { sku: shirtSku, location_id: "sloc_missing", quantity: 1 },
              ],
            },
            { headers }
          )
        )
        expect(response.status).toBe(404)
        expect(response.data.message).toBe(
          "3 of 4 movements are invalid; nothing was written. " +
            "movements[1]: no inventory item has SKU NO-SUCH-SKU; " +
            "movements[2]: inventory item iitem_missing not found; " +
            "movements[3]: stock location sloc_missing not found"
        )
        expect(await snapshot()).toEqual(before)
      })

      it("refuses a row that would take stock a non-backorderable item does not have, naming it", async () => {
        const { data: items } = await api.get(
          `/admin/stock-items?inventory_item_id=${shirt.inventory_item_id}&location_id=${location}`,
          { headers }
        )
        await api.post(`/admin/stock-items/${items.stock_items[0].id}`, { backorderable: false }, { headers })
        const before = await snapshot()
        const response = await expectFailure(
          api.post(
            "/admin/stock-movements/batch",
            {
              movements: [
                { sku: shirtSku, location_id: location, quantity: -6 },
                { inventory_item_id: socks.inventory_item_id, location_id: location, quantity: 3 },
                { sku: shirtSku, location_id: location, quantity: -6 },
              ],
            },
            { headers }
          )
        )
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(
          /^1 of 3 movements is invalid; nothing was written\. movements\[2\]: cannot take 6 from inventory item \S+ at location \S+: only 4 available and the stock item is not backorderable$/
        )
        expect(await snapshot()).toEqual(before)
      })

      it("refuses more than 10,000 rows, an empty batch and a malformed body", async () => {
        const row = { inventory_item_id: shirt.inventory_item_id, location_id: location, quantity: 1 }
        const tooMany = await expectFailure(
          api.post("/admin/stock-movements/batch", { movements: Array(10001).fill(row) }, { headers })
        )
        expect([tooMany.status, tooMany.data.message]).toEqual([
          400,
          "movements may hold at most 10000 rows, got 10001",
        ])
        const empty = await expectFailure(
          api.post("/admin/stock-movements/batch", { movements: [] }, { headers })
        )
        expect([empty.status, empty.data.message]).toEqual([400, "movements must hold at least one row"])
        const extra = await expectFailure(
          api.post("/admin/stock-movements/batch", { movements: [row], dry: true }, { headers })
        )
        expect(extra.status).toBe(400)
        const badRows = await expectFailure(
          api.post(
            "/admin/stock-movements/batch",
            { movements: [row, { quantity: 2 }, "x", { ...row, quantity: 1.5 }] },
            { headers }
          )
        )
        expect(badRows.status).toBe(400)
        expect(badRows.data.message).toMatch(/^3 of 4 movements are invalid; nothing was written\. movements\[1\]: .*; movements\[2\]: .*; movements\[3\]: quantity: quantity must be a whole number$/)
        expect(await movementCount()).toBe(1)
      })

      it("refuses anonymous callers", async () => {
        for (const url of ["/admin/stock-movements/batch", "/admin/stock-levels/batch"]) {
          const response = await expectFailure(api.post(url, {}))
          expect([url, response.status]).toEqual([url, 401])
        }
        expect(await movementCount()).toBe(1)
      })
    })

    describe("POST /admin/stock-levels/batch", () => {
      it("books each level's difference as one `adjusted` movement (correction), equal levels write nothing", async () => {
        const before = await movementCount()
        const { data } = await api.post(
          "/admin/stock-levels/batch",
          {
            levels: [
              { sku: shirtSku, location_id: location, on_hand: 10 },
              { inventory_item_id: socks.inventory_item_id, location_id: location, on_hand: 4 },
            ],
          },
          { headers }
        )
        expect([data.changed, data.unchanged]).toEqual([1, 1])
        expect(await movementCount()).toBe(before + 1)
        const socksMovements = await rows(
          `select kind, quantity, stocked_change, stocked_after, count_on_hand_after, sequence, reason_code, note
             from stock_movement where inventory_item_id = ? order by sequence`,
          [socks.inventory_item_id]
        )
        expect(socksMovements).toEqual([
          {
            kind: "adjusted",
            quantity: 4,
            stocked_change: 4,
            stocked_after: 4,
            count_on_hand_after: 4,
            sequence: 1,
            reason_code: "correction",
            note: "On hand set to 4 (was 0)",
          },
        ])

        await api.post(
          "/admin/stock-levels/batch",
          {
            levels: [{ sku: shirtSku, location_id: location, on_hand: 7 }],
            reason_code: "cycle_count",
          },
          { headers }
        )
        const shirtMovements = await ledger.movements(shirt.inventory_item_id!, location)
        expect(shirtMovements.map((m: any) => [m.kind, m.quantity, m.stocked_after])).toEqual([
          ["received", 10, 10],
          ["adjusted", -3, 7],
        ])
        expectIntactChain(shirtMovements)
        expect(await ledger.level(shirt.inventory_item_id!, location)).toEqual({
          stocked: 7,
          reserved: 0,
          count_on_hand: 7,
        })
        await settled(api, headers)
      })

      it("previews every difference and writes nothing", async () => {
        const before = await snapshot()
        const { data } = await api.post(
          "/admin/stock-levels/batch",
          {
            preview: true,
            levels: [
              { sku: shirtSku, location_id: location, on_hand: 12 },
              { inventory_item_id: socks.inventory_item_id, location_id: location, on_hand: 0 },
            ],
          },
          { headers }
        )
        expect(data.preview).toEqual([
          expect.objectContaining({ index: 0, sku: shirtSku, on_hand: 10, new_on_hand: 12, difference: 2 }),
          expect.objectContaining({ index: 1, sku: null, on_hand: 0, new_on_hand: 0, difference: 0 }),
        ])
        expect(await snapshot()).toEqual(before)
      })

      it("refuses two rows for the same place, an unknown SKU and a negative level, naming each", async () => {
        const before = await snapshot()
        const duplicate = await expectFailure(
          api.post(
            "/admin/stock-levels/batch",
            {
              levels: [
                { sku: shirtSku, location_id: location, on_hand: 3 },
                { inventory_item_id: shirt.inventory_item_id, location_id: location, on_hand: 4 },
              ],
            },
            { headers }
          )
        )
        expect([duplicate.status, duplicate.data.message]).toEqual([
          400,
          `1 of 2 levels is invalid; nothing was written. levels[1]: inventory item ${shirt.inventory_item_id} at location ${location} is already set by levels[0]`,
        ])
        const unknown = await expectFailure(
          api.post(
            "/admin/stock-levels/batch",
            { levels: [{ sku: "NOPE", location_id: location, on_hand: 3 }] },
            { headers }
          )
        )
        expect([unknown.status, unknown.data.message]).toEqual([
          404,
          "1 of 1 levels is invalid; nothing was written. levels[0]: no inventory item has SKU NOPE",
        ])
        const negative = await expectFailure(
          api.post(
            "/admin/stock-levels/batch",
            { levels: [{ sku: shirtSku, location_id: location, on_hand: -1 }] },
            { headers }
          )
        )
        expect([negative.status, negative.data.message]).toEqual([
          400,
          "1 of 1 levels is invalid; nothing was written. levels[0]: on_hand: on_hand must be at least 0",
        ])
        expect(await snapshot()).toEqual(before)
      })

      it("fills backorders when a level rises, and backorders units when it falls below them", async () => {
        const order = await placeOrder(api, store, [{ variant_id: socks.id, quantity: 3 }])
        await settled(api, headers)
        expect((await ledger.units({ order_id: order.id })).map((u: any) => [u.state, u.quantity])).toEqual([
          ["backordered", 3],
        ])
        await api.post(
          "/admin/stock-levels/batch",
          { levels: [{ inventory_item_id: socks.inventory_item_id, location_id: location, on_hand: 2 }] },
          { headers }
        )
        expect(
          (await ledger.units({ order_id: order.id })).map((u: any) => [u.state, u.quantity])
        ).toEqual([
          ["backordered", 1],
          ["on_hand", 2],
        ])
        await api.post(
          "/admin/stock-levels/batch",
          { levels: [{ inventory_item_id: socks.inventory_item_id, location_id: location, on_hand: 1 }] },
          { headers }
        )
        const units = await ledger.units({ order_id: order.id })
        expect(units.reduce((sum: number, u: any) => sum + (u.state === "on_hand" ? u.quantity : 0), 0)).toBe(1)
        expect(units.reduce((sum: number, u: any) => sum + u.quantity, 0)).toBe(3)
        const movements = await ledger.movements(socks.inventory_item_id!, location)
        expect(movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after])).toEqual([
          ["allocated", -3, 0, -3],
          ["adjusted", 2, 2, -1],
          ["adjusted", -1, -1, -2],
        ])
        expectIntactChain(movements)
        await settled(api, headers)
      })
    })

    describe("concurrency", () => {
      it("a batch racing single movements and a checkout on the same items ends exact, chain intact, audit clean", async () => {
        const batch = Array.from({ length: 2000 }, (_, index) => ({
          inventory_item_id: index % 2 ? shirt.inventory_item_id : socks.inventory_item_id,
          location_id: location,
          quantity: 1,
        }))
        const single = (inventoryItemId: string, quantity: number) =>
          api.post(
            "/admin/stock-movements",
            { inventory_item_id: inventoryItemId, location_id: location, quantity },
            { headers }
          )
        await Promise.all([
          api.post("/admin/stock-movements/batch", { movements: batch }, { headers }),
          api.post(
            "/admin/stock-levels/batch",
            { levels: [{ sku: shirtSku, location_id: location, on_hand: 10 }], note: "noop or not" },
            { headers }
          ).catch(() => null),
          single(shirt.inventory_item_id!, 4),
          single(socks.inventory_item_id!, 6),
          single(shirt.inventory_item_id!, -2),
          placeOrder(api, store, [
            { variant_id: shirt.id, quantity: 2 },
            { variant_id: socks.id, quantity: 1 },
          ]),
        ])
        await settled(api, headers)

        for (const [item, ordered] of [
          [shirt, 2],
          [socks, 1],
        ] as const) {
          const movements = await ledger.movements(item.inventory_item_id!, location)
          expectIntactChain(movements)
          const level = await ledger.level(item.inventory_item_id!, location)
          const last = movements[movements.length - 1]
          expect([last.stocked_after, last.count_on_hand_after]).toEqual([level.stocked, level.count_on_hand])
          expect(level.reserved).toBe(ordered)
          const batched = movements.filter(
            (m: any) => m.kind === "received" && m.quantity === 1
          )
          expect(batched).toHaveLength(1000)
        }
        // The socks only received (+1000 from the batch, +6 single) and lost the order's one.
        expect(await ledger.level(socks.inventory_item_id!, location)).toEqual({
          stocked: 1006,
          reserved: 1,
          count_on_hand: 1005,
        })
        const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
        expect(audit.ok).toBe(true)
      })
    })
  },
})
