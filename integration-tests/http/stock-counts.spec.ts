import { createAdminUser, expectFailure } from "../helpers/admin"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(180000)

stockroomStoreRunner({
  options: { propagate_all_variants: false },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let userId: string
    let warehouseId: string
    let mugId: string
    let capId: string

    const rows = async (sql: string, params: unknown[] = []) =>
      (await dbConnection.raw(sql, params)).rows

    const movementsOf = (inventoryItemId: string) =>
      rows(
        `select m.kind, m.quantity, m.stocked_change, m.stocked_after, m.sequence,
                m.originator_type, m.originator_id, m.actor_id, m.reason, m.reason_code
           from stock_movement m where m.inventory_item_id = ? order by m.sequence`,
        [inventoryItemId]
      )

    const stockedAt = async (inventoryItemId: string, locationId: string) =>
      (
        await rows(
          `select stocked_quantity::int as stocked from inventory_level
            where inventory_item_id = ? and location_id = ? and deleted_at is null`,
          [inventoryItemId, locationId]
        )
      )[0].stocked as number

    const counts = async () =>
      (
        await rows(`select
          (select count(*) from stock_movement)::int as movements,
          (select count(*) from stock_count)::int as stock_counts,
          (select count(*) from stock_count_item where counted is not null)::int as counted`)
      )[0]

    const move = (inventoryItemId: string, quantity: number, extra: Record<string, unknown> = {}) =>
      api.post(
        "/admin/stock-movements",
        { inventory_item_id: inventoryItemId, location_id: warehouseId, quantity, ...extra },
        { headers }
      )

    const open = (body: Record<string, unknown>) => api.post("/admin/stock-counts", body, { headers })

    beforeEach(async () => {
      ;({ headers, userId } = await createAdminUser(api, getContainer()))
      warehouseId = (await api.post("/admin/stock-locations", { name: "Warehouse" }, { headers })).data
        .stock_location.id
      mugId = (await api.post("/admin/inventory-items", { sku: "MUG", title: "Mug" }, { headers })).data
        .inventory_item.id
      capId = (await api.post("/admin/inventory-items", { sku: "CAP", title: "Cap" }, { headers })).data
        .inventory_item.id
      await move(mugId, 10)
      await move(capId, 4)
    })

    describe("reason codes", () => {
      it("defaults to received for an increase and correction for a decrease, takes a given code, and filters the ledger and export", async () => {
        await move(mugId, -1)
        await move(mugId, -2, { reason_code: "damaged", reason: "Dropped a box" })
        expect((await movementsOf(mugId)).map((m: any) => [m.kind, m.quantity, m.reason_code, m.reason])).toEqual([
          ["received", 10, "received", null],
          ["adjusted", -1, "correction", null],
          ["adjusted", -2, "damaged", "Dropped a box"],
        ])

        const damaged = await api.get("/admin/stock-movements?reason_code=damaged", { headers })
        expect(damaged.data.count).toBe(1)
        expect(damaged.data.stock_movements[0]).toMatchObject({ quantity: -2, reason_code: "damaged", actor_id: userId })
        const both = await api.get("/admin/stock-movements?reason_code[]=damaged&reason_code[]=correction", { headers })
        expect(both.data.count).toBe(2)

        const csv = await api.get("/admin/stock-movements/export?reason_code=received", { headers })
        const lines = String(csv.data).trim().split(/\r?\n/)
        expect(lines[0].split(",")).toContain("reason_code")
        expect(lines).toHaveLength(3) // header, MUG +10, CAP +4
      })

      it("refuses an unknown reason code, on the movement and in the filters, writing nothing", async () => {
        const before = await counts()
        const bad = await expectFailure(move(mugId, 1, { reason_code: "stolen" }))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("reason_code")
        expect(await counts()).toEqual(before)
        expect((await expectFailure(api.get("/admin/stock-movements?reason_code=stolen", { headers }))).status).toBe(400)
      })
    })

    describe("stock counts", () => {
      it("books the difference against on hand at the moment of the count: a sale and a receipt during the count are neither lost nor counted twice", async () => {
        const opened = (await open({ location_id: warehouseId })).data.stock_count
        expect(opened).toMatchObject({ state: "open", location_id: warehouseId, created_by: userId })
        expect(opened.number).toMatch(/^SC-\d+$/)
        expect(opened.items.map((i: any) => [i.sku, i.expected, i.counted])).toEqual([
          ["CAP", 4, null],
          ["MUG", 10, null],
        ])

        await move(mugId, -2) // sold while the count is open: 8 on the shelf
        // The counter finds 7 mugs (one missing) and 4 caps, by SKU and by id.
        const recorded = await api.post(
          `/admin/stock-counts/${opened.id}/items`,
          { items: [{ sku: "MUG", counted: 6 }, { inventory_item_id: capId, counted: 4 }] },
          { headers }
        )
        // Counted again: the last count wins.
        const recounted = await api.post(
          `/admin/stock-counts/${opened.id}/items`,
          { items: [{ sku: "MUG", counted: 7 }] },
          { headers }
        )
        const mugLine = recounted.data.stock_count.items.find((i: any) => i.sku === "MUG")
        expect(mugLine).toMatchObject({ expected: 10, counted: 7, expected_at_count: 8, difference: -1 })
        expect(recorded.data.stock_count.items.find((i: any) => i.sku === "CAP")).toMatchObject({
          counted: 4,
          expected_at_count: 4,
          difference: 0,
        })

        await move(mugId, 5) // received after the count: 12 on the shelf
        const applied = (await api.post(`/admin/stock-counts/${opened.id}/apply`, {}, { headers })).data.stock_count
        expect(applied.state).toBe("applied")
        expect(applied.applied_at).toBeTruthy()

        expect(await stockedAt(mugId, warehouseId)).toBe(7 + 5)
        const mugMoves = await movementsOf(mugId)
        expect(mugMoves.map((m: any) => [m.kind, m.quantity, m.stocked_after, m.reason_code])).toEqual([
          ["received", 10, 10, "received"],
          ["adjusted", -2, 8, "correction"],
          ["received", 5, 13, "received"],
          ["adjusted", -1, 12, "cycle_count"],
        ])
        expect(mugMoves[3]).toMatchObject({
          originator_type: "stock_count",
          originator_id: opened.id,
          actor_id: userId,
        })
        expect(applied.items.find((i: any) => i.sku === "MUG").movement_id).toBeTruthy()
        // A zero difference writes nothing.
        expect((await movementsOf(capId)).map((m: any) => m.kind)).toEqual(["received"])
        expect(await stockedAt(capId, warehouseId)).toBe(4)

        const audit = await api.get("/admin/stockroom/audit", { headers })
        expect(audit.data.problems).toEqual([])
        expect(audit.data.ok).toBe(true)

        // Applied: no second apply, no more counts, no cancel.
        const before = await counts()
        for (const call of [
          () => api.post(`/admin/stock-counts/${opened.id}/apply`, {}, { headers }),
          () => api.post(`/admin/stock-counts/${opened.id}/items`, { items: [{ sku: "MUG", counted: 1 }] }, { headers }),
          () => api.post(`/admin/stock-counts/${opened.id}/cancel`, {}, { headers }),
        ]) {
          const refused = await expectFailure(call())
          expect(refused.status).toBe(400)
          expect(refused.data.message).toContain("is applied")
        }
        expect(await counts()).toEqual(before)

        const listed = await api.get(`/admin/stock-counts?state=applied&location_id=${warehouseId}`, { headers })
        expect(listed.data).toMatchObject({ count: 1, offset: 0, limit: 50 })
        expect(listed.data.stock_counts[0].id).toBe(opened.id)
      })

      it("cancels an open count without writing a movement, and refuses applying it afterwards", async () => {
        const opened = (await open({ location_id: warehouseId, inventory_item_ids: [mugId] })).data.stock_count
        expect(opened.items.map((i: any) => i.sku)).toEqual(["MUG"])
        await api.post(`/admin/stock-counts/${opened.id}/items`, { items: [{ sku: "MUG", counted: 3 }] }, { headers })
        const before = await counts()
        const canceled = (await api.post(`/admin/stock-counts/${opened.id}/cancel`, {}, { headers })).data.stock_count
        expect(canceled).toMatchObject({ state: "canceled" })
        const refused = await expectFailure(api.post(`/admin/stock-counts/${opened.id}/apply`, {}, { headers }))
        expect(refused.status).toBe(400)
        expect(refused.data.message).toContain("is canceled")
        expect(await counts()).toEqual(before)
        expect(await stockedAt(mugId, warehouseId)).toBe(10)
      })

      it("refuses bad input with 4xx naming the problem, writing nothing", async () => {
        const opened = (await open({ location_id: warehouseId })).data.stock_count
        const before = await counts()
        const url = `/admin/stock-counts/${opened.id}/items`
        // Medusa words the validator's refusals itself; they name the field.
        const cases: [() => Promise<unknown>, number, string][] = [
          [() => api.post(url, { items: [{ sku: "MUG", counted: -1 }] }, { headers }), 400, "counted"],
          [() => api.post(url, { items: [{ sku: "MUG", counted: 1.5 }] }, { headers }), 400, "counted"],
          [() => api.post(url, { items: [] }, { headers }), 400, "items"],
          [() => api.post(url, { items: [{ counted: 1 }] }, { headers }), 400, ""],
          [() => api.post(url, { items: [{ sku: "MUG", counted: 1 }, { sku: "NOPE", counted: 1 }] }, { headers }), 400, "items[1]: sku NOPE is not in stock count"],
          [
            () => api.post(url, { items: [{ sku: "MUG", counted: 1, counted_at: "2001-01-01T00:00:00Z" }] }, { headers }),
            400,
            "items[0]: counted_at must lie between",
          ],
          [() => api.post(`/admin/stock-counts/scount_nope/items`, { items: [{ sku: "MUG", counted: 1 }] }, { headers }), 404, "not found"],
          [() => api.post("/admin/stock-counts", { location_id: "sloc_nope" }, { headers }), 404, "no stock items to count"],
          [() => api.post("/admin/stock-counts", { location_id: warehouseId, inventory_item_ids: ["iitem_nope"] }, { headers }), 404, "iitem_nope"],
          [() => api.post("/admin/stock-counts", {}, { headers }), 400, "location_id"],
          [() => api.post(`/admin/stock-counts/${opened.id}/apply`, { force: true }, { headers }), 400, "force"],
          [() => api.get("/admin/stock-counts?state=lost", { headers }), 400, "state"],
          [() => api.get("/admin/stock-counts?order=location_id", { headers }), 400, "location_id"],
        ]
        for (const [call, status, message] of cases) {
          const refused = await expectFailure(call())
          expect([refused.status, refused.data.type]).toEqual([status, expect.any(String)])
          expect(refused.data.message).toContain(message)
        }
        expect(await counts()).toEqual(before)
      })

      it("refuses anonymous callers on every route", async () => {
        const opened = (await open({ location_id: warehouseId })).data.stock_count
        for (const call of [
          () => api.get("/admin/stock-counts"),
          () => api.get(`/admin/stock-counts/${opened.id}`),
          () => api.post("/admin/stock-counts", { location_id: warehouseId }),
          () => api.post(`/admin/stock-counts/${opened.id}/items`, { items: [{ sku: "MUG", counted: 1 }] }),
          () => api.post(`/admin/stock-counts/${opened.id}/apply`, {}),
          () => api.post(`/admin/stock-counts/${opened.id}/cancel`, {}),
        ]) {
          expect((await expectFailure(call())).status).toBe(401)
        }
      })
    })
  },
})
