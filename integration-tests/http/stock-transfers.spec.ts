import { createAdminUser, expectFailure } from "../helpers/admin"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(180000)

// No propagation: stock items and levels exist only where a test puts stock,
// so a transfer into an empty location shows them being created.
stockroomStoreRunner({
  options: { propagate_all_variants: false },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let userId: string
    let warehouseId: string
    let shopId: string
    let itemId: string

    const rows = async (sql: string, params: unknown[] = []) =>
      (await dbConnection.raw(sql, params)).rows

    const movementsAt = (inventoryItemId: string, locationId: string) =>
      rows(
        `select m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.stocked_after,
                m.sequence, m.originator_type, m.originator_id, m.actor_id
           from stock_movement m join stock_item si on si.id = m.stock_item_id
          where si.inventory_item_id = ? and si.location_id = ? order by m.sequence`,
        [inventoryItemId, locationId]
      )

    const levelAt = async (inventoryItemId: string, locationId: string) =>
      (
        await rows(
          `select stocked_quantity::int as stocked, reserved_quantity::int as reserved
             from inventory_level
            where inventory_item_id = ? and location_id = ? and deleted_at is null`,
          [inventoryItemId, locationId]
        )
      )[0]

    /** Everything a refused transfer must leave untouched. */
    const snapshot = async () => ({
      counts: (
        await rows(`select
          (select count(*) from stock_transfer)::int as transfers,
          (select count(*) from stock_transfer_item)::int as transfer_items,
          (select count(*) from stock_movement)::int as movements,
          (select count(*) from stock_item where deleted_at is null)::int as stock_items`)
      )[0],
      levels: await rows(
        `select inventory_item_id, location_id, stocked_quantity::int as stocked,
                reserved_quantity::int as reserved
           from inventory_level where deleted_at is null
          order by inventory_item_id, location_id`
      ),
    })

    const createLocation = async (name: string) =>
      (await api.post("/admin/stock-locations", { name }, { headers })).data
        .stock_location.id as string

    const createItem = async (sku: string) =>
      (await api.post("/admin/inventory-items", { sku, title: sku }, { headers }))
        .data.inventory_item.id as string

    const receive = (inventoryItemId: string, locationId: string, quantity: number) =>
      api.post(
        "/admin/stock-movements",
        { inventory_item_id: inventoryItemId, location_id: locationId, quantity },
        { headers }
      )

    const transfer = (body: Record<string, unknown>) =>
      api.post("/admin/stock-transfers", body, { headers })

    const stockItemAt = async (inventoryItemId: string, locationId: string) =>
      (
        await rows(
          "select id, backorderable from stock_item where inventory_item_id = ? and location_id = ? and deleted_at is null",
          [inventoryItemId, locationId]
        )
      )[0]

    beforeEach(async () => {
      ;({ headers, userId } = await createAdminUser(api, getContainer()))
      warehouseId = await createLocation("Warehouse")
      shopId = await createLocation("Shop")
      itemId = await createItem("MUG")
      await receive(itemId, warehouseId, 10)
    })

    it("moves stock with a transfer_out and a transfer_in, creating the destination's stock item and level", async () => {
      expect(await stockItemAt(itemId, shopId)).toBeUndefined()
      expect(await levelAt(itemId, shopId)).toBeUndefined()

      const { data } = await transfer({
        source_location_id: warehouseId,
        destination_location_id: shopId,
        reference: "TR-1",
        items: [{ inventory_item_id: itemId, quantity: 4 }],
      })
      const id = data.stock_transfer.id
      expect(id).toMatch(/^stran_/)
      expect(data.stock_transfer).toMatchObject({
        reference: "TR-1",
        source_location_id: warehouseId,
        destination_location_id: shopId,
        created_by: userId,
        items: [
          expect.objectContaining({ inventory_item_id: itemId, variant_id: null, quantity: 4 }),
        ],
      })
      expect(data.stock_transfer.movements).toEqual([
        expect.objectContaining({ kind: "transfer_out", location_id: warehouseId, quantity: -4, originator_id: id }),
        expect.objectContaining({ kind: "transfer_in", location_id: shopId, quantity: 4, originator_id: id }),
      ])

      expect(await movementsAt(itemId, warehouseId)).toEqual([
        expect.objectContaining({ kind: "received", quantity: 10, stocked_after: 10, sequence: 1 }),
        {
          kind: "transfer_out",
          quantity: -4,
          stocked_change: -4,
          count_on_hand_after: 6,
          stocked_after: 6,
          sequence: 2,
          originator_type: "stock_transfer",
          originator_id: id,
          actor_id: userId,
        },
      ])
      expect(await movementsAt(itemId, shopId)).toEqual([
        {
          kind: "transfer_in",
          quantity: 4,
          stocked_change: 4,
          count_on_hand_after: 4,
          stocked_after: 4,
          sequence: 1,
          originator_type: "stock_transfer",
          originator_id: id,
          actor_id: userId,
        },
      ])
      expect(await levelAt(itemId, warehouseId)).toEqual({ stocked: 6, reserved: 0 })
      expect(await levelAt(itemId, shopId)).toEqual({ stocked: 4, reserved: 0 })
      // The new stock item takes the location's (default) backorderable flag.
      expect(await stockItemAt(itemId, shopId)).toMatchObject({ backorderable: true })

      const { data: one } = await api.get(`/admin/stock-transfers/${id}`, { headers })
      expect(one.stock_transfer).toMatchObject({
        id,
        reference: "TR-1",
        created_by: userId,
        items: [expect.objectContaining({ inventory_item_id: itemId, quantity: 4 })],
      })
      expect(one.stock_transfer.movements.map((m: any) => m.kind)).toEqual([
        "transfer_out",
        "transfer_in",
      ])

      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit).toMatchObject({ ok: true, problems: [] })
    })

    it("receives from a supplier (no source) as `received` movements originated by the transfer, addressed by variant", async () => {
      const { data: product } = await api.post(
        "/admin/products",
        {
          title: "Poster",
          options: [{ title: "Size", values: ["A2"] }],
          variants: [
            {
              title: "A2",
              sku: "POSTER-A2",
              options: { Size: "A2" },
              manage_inventory: true,
              prices: [{ currency_code: "usd", amount: 10 }],
            },
          ],
        },
        { headers }
      )
      const variantId = product.product.variants[0].id
      const [{ inventory_item_id: posterItemId }] = await rows(
        "select inventory_item_id from product_variant_inventory_item where variant_id = ? and deleted_at is null",
        [variantId]
      )

      const { data } = await transfer({
        destination_location_id: shopId,
        items: [
          { variant_id: variantId, quantity: 7 },
          { inventory_item_id: itemId, quantity: 2 },
        ],
      })
      const id = data.stock_transfer.id
      expect(data.stock_transfer).toMatchObject({
        source_location_id: null,
        destination_location_id: shopId,
        reference: null,
        created_by: userId,
      })
      expect(data.stock_transfer.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ inventory_item_id: posterItemId, variant_id: variantId, quantity: 7 }),
          expect.objectContaining({ inventory_item_id: itemId, variant_id: null, quantity: 2 }),
        ])
      )
      expect(await movementsAt(posterItemId, shopId)).toEqual([
        {
          kind: "received",
          quantity: 7,
          stocked_change: 7,
          count_on_hand_after: 7,
          stocked_after: 7,
          sequence: 1,
          originator_type: "stock_transfer",
          originator_id: id,
          actor_id: userId,
        },
      ])
      expect(await movementsAt(itemId, shopId)).toEqual([
        expect.objectContaining({ kind: "received", quantity: 2, stocked_after: 2, sequence: 1, originator_id: id }),
      ])
      // Nothing left any other location.
      expect(await movementsAt(itemId, warehouseId)).toHaveLength(1)
      expect(await levelAt(posterItemId, shopId)).toEqual({ stocked: 7, reserved: 0 })
      expect(await levelAt(itemId, warehouseId)).toEqual({ stocked: 10, reserved: 0 })

      // The same inventory item once by variant and once by id is a duplicate.
      const before = await snapshot()
      const duplicate = await expectFailure(
        transfer({
          destination_location_id: shopId,
          items: [
            { variant_id: variantId, quantity: 1 },
            { inventory_item_id: posterItemId, quantity: 1 },
          ],
        })
      )
      expect(duplicate.status).toBe(400)
      expect(duplicate.data.message).toContain(posterItemId)
      expect(await snapshot()).toEqual(before)

      const unknownVariant = await expectFailure(
        transfer({
          destination_location_id: shopId,
          items: [{ variant_id: "variant_nope", quantity: 1 }],
        })
      )
      expect(unknownVariant.status).toBe(404)
      expect(unknownVariant.data.message).toContain("variant_nope")
      expect(await snapshot()).toEqual(before)
    })

    it("lets a backorderable source go below zero", async () => {
      await transfer({
        source_location_id: warehouseId,
        destination_location_id: shopId,
        items: [{ inventory_item_id: itemId, quantity: 15 }],
      })
      expect(await levelAt(itemId, warehouseId)).toEqual({ stocked: -5, reserved: 0 })
      expect(await levelAt(itemId, shopId)).toEqual({ stocked: 15, reserved: 0 })
      expect((await movementsAt(itemId, warehouseId))[1]).toMatchObject({
        kind: "transfer_out",
        count_on_hand_after: -5,
        stocked_after: -5,
      })
    })

    it("refuses a source that lacks the quantity and is not backorderable, naming what is available", async () => {
      const stockItem = await stockItemAt(itemId, warehouseId)
      await api.post(`/admin/stock-items/${stockItem.id}`, { backorderable: false }, { headers })
      const before = await snapshot()
      const response = await expectFailure(
        transfer({
          source_location_id: warehouseId,
          destination_location_id: shopId,
          items: [{ inventory_item_id: itemId, quantity: 11 }],
        })
      )
      expect(response.status).toBe(400)
      expect(response.data.type).toBe("not_allowed")
      expect(response.data.message).toContain(itemId)
      expect(response.data.message).toContain("only 10 available")
      expect(await snapshot()).toEqual(before)
      // No stock item or level was left at the destination either.
      expect(await stockItemAt(itemId, shopId)).toBeUndefined()
      expect(await levelAt(itemId, shopId)).toBeUndefined()
    })

    it("lets exactly one of two concurrent transfers take the last units of a non-backorderable item", async () => {
      const stockItem = await stockItemAt(itemId, warehouseId)
      await api.post(`/admin/stock-items/${stockItem.id}`, { backorderable: false }, { headers })
      // The shop already stocks the item, so the race is only over the
      // warehouse's last units. (Two requests that both have to create the
      // same missing level still collide in ensureStockItemsStep: the loser
      // gets Medusa's "already exists" 400 and writes nothing.)
      await receive(itemId, shopId, 1)
      const body = {
        source_location_id: warehouseId,
        destination_location_id: shopId,
        items: [{ inventory_item_id: itemId, quantity: 6 }],
      }
      const results = await Promise.allSettled([transfer(body), transfer(body)])
      const fulfilled = results.filter((r) => r.status === "fulfilled")
      const rejected = results.filter(
        (r): r is PromiseRejectedResult => r.status === "rejected"
      )
      expect(fulfilled).toHaveLength(1)
      expect(rejected).toHaveLength(1)
      expect(rejected[0].reason.response.status).toBe(400)
      expect(rejected[0].reason.response.data.message).toContain("only 4 available")

      // The refused transfer left no record, whichever check refused it.
      expect((await rows("select count(*)::int as n from stock_transfer"))[0].n).toBe(1)
      expect((await rows("select count(*)::int as n from stock_transfer_item"))[0].n).toBe(1)
      expect(await levelAt(itemId, warehouseId)).toEqual({ stocked: 4, reserved: 0 })
      expect(await levelAt(itemId, shopId)).toEqual({ stocked: 7, reserved: 0 })
      expect((await movementsAt(itemId, warehouseId)).map((m: any) => m.kind)).toEqual([
        "received",
        "transfer_out",
      ])
      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit.ok).toBe(true)
    })

    it("removes the transfer record when the ledger step fails", async () => {
      await dbConnection.raw(`
        create or replace function stockroom_test_fail() returns trigger as $$
        begin raise exception 'forced ledger failure'; end; $$ language plpgsql;
        create trigger stockroom_test_fail before insert on stock_movement
          for each row when (new.kind = 'transfer_in') execute function stockroom_test_fail();
      `)
      try {
        const before = await snapshot()
        const response = await expectFailure(
          transfer({
            source_location_id: warehouseId,
            destination_location_id: shopId,
            items: [{ inventory_item_id: itemId, quantity: 3 }],
          })
        )
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(await snapshot()).toEqual(before)
        expect(await levelAt(itemId, shopId)).toBeUndefined()
      } finally {
        await dbConnection.raw("drop trigger if exists stockroom_test_fail on stock_movement")
      }
    })

    it("lists transfers newest first, filtered by source or destination", async () => {
      const { data: first } = await transfer({
        source_location_id: warehouseId,
        destination_location_id: shopId,
        items: [{ inventory_item_id: itemId, quantity: 1 }],
      })
      const { data: second } = await transfer({
        destination_location_id: warehouseId,
        reference: "PO-7",
        items: [{ inventory_item_id: itemId, quantity: 5 }],
      })
      const firstId = first.stock_transfer.id
      const secondId = second.stock_transfer.id

      const { data: all } = await api.get("/admin/stock-transfers", { headers })
      expect(all).toMatchObject({ count: 2, offset: 0, limit: 50 })
      expect(all.stock_transfers.map((t: any) => t.id)).toEqual([secondId, firstId])
      expect(all.stock_transfers[0].items).toEqual([
        expect.objectContaining({ inventory_item_id: itemId, quantity: 5 }),
      ])

      const { data: fromWarehouse } = await api.get(
        `/admin/stock-transfers?source_location_id=${warehouseId}`,
        { headers }
      )
      expect(fromWarehouse.stock_transfers.map((t: any) => t.id)).toEqual([firstId])
      expect(fromWarehouse.count).toBe(1)

      const { data: intoWarehouse } = await api.get(
        `/admin/stock-transfers?destination_location_id=${warehouseId}`,
        { headers }
      )
      expect(intoWarehouse.stock_transfers.map((t: any) => t.id)).toEqual([secondId])

      const { data: paged } = await api.get("/admin/stock-transfers?limit=1&offset=1", {
        headers,
      })
      expect(paged).toMatchObject({ count: 2, offset: 1, limit: 1 })
      expect(paged.stock_transfers.map((t: any) => t.id)).toEqual([firstId])

      const missing = await expectFailure(
        api.get("/admin/stock-transfers/stran_nope", { headers })
      )
      expect(missing.status).toBe(404)
      expect(missing.data.message).toContain("stran_nope")

      const badFilter = await expectFailure(
        api.get("/admin/stock-transfers?colour=red", { headers })
      )
      expect(badFilter.status).toBe(400)
    })

    describe("bad input writes nothing", () => {
      const line = (quantity: unknown) => [{ inventory_item_id: "__ITEM__", quantity }]
      // Four columns always: jest hands a missing one to the test as `done`.
      const cases: [string, Record<string, unknown>, number, string][] = [
        ["the same location on both ends", { destination_location_id: "__SOURCE__" }, 400, "__SOURCE__"],
        ["no items", { items: [] }, 400, "items"],
        ["the same item twice", { items: [{ inventory_item_id: "__ITEM__", quantity: 1 }, { inventory_item_id: "__ITEM__", quantity: 2 }] }, 400, "__ITEM__"],
        ["a string quantity", { items: line("5") }, 400, "quantity"],
        ["a fractional quantity", { items: line(1.5) }, 400, "quantity"],
        ["a zero quantity", { items: line(0) }, 400, "quantity"],
        ["a negative quantity", { items: line(-3) }, 400, "quantity"],
        ["a quantity beyond int range", { items: line(2 ** 31) }, 400, "quantity"],
        ["a huge quantity", { items: line(1e12) }, 400, "quantity"],
        ["an unknown field", { colour: "red" }, 400, "colour"],
        ["an unknown field on an item", { items: [{ inventory_item_id: "__ITEM__", quantity: 1, sku: "x" }] }, 400, "sku"],
        ["an item with both ids", { items: [{ inventory_item_id: "__ITEM__", variant_id: "variant_x", quantity: 1 }] }, 400, "exactly one of inventory_item_id or variant_id"],
        ["an item with no id", { items: [{ quantity: 1 }] }, 400, "exactly one of inventory_item_id or variant_id"],
        ["no destination", { destination_location_id: undefined }, 400, "destination_location_id"],
        ["an unknown destination", { destination_location_id: "sloc_nope" }, 404, "sloc_nope"],
        ["an unknown source", { source_location_id: "sloc_gone" }, 404, "sloc_gone"],
        ["an unknown inventory item", { items: [{ inventory_item_id: "iitem_nope", quantity: 1 }] }, 404, "iitem_nope"],
      ]
      it.each(cases)("%s", async (_, override, status, named) => {
        const substitute = (value: unknown): unknown =>
          JSON.parse(
            JSON.stringify(value ?? null)
              .replace(/__ITEM__/g, itemId)
              .replace(/__SOURCE__/g, warehouseId)
          )
        const body: Record<string, unknown> = {
          source_location_id: warehouseId,
          destination_location_id: shopId,
          items: [{ inventory_item_id: itemId, quantity: 1 }],
        }
        for (const [key, value] of Object.entries(override)) {
          if (value === undefined) {
            delete body[key]
          } else {
            body[key] = substitute(value)
          }
        }
        const before = await snapshot()
        const response = await expectFailure(transfer(body))
        expect(response.status).toBe(status)
        expect(response.data).toEqual({ type: expect.any(String), message: expect.any(String) })
        if (named) {
          expect(response.data.message).toContain(
            named.replace("__ITEM__", itemId).replace("__SOURCE__", warehouseId)
          )
        }
        expect(await snapshot()).toEqual(before)
      })
    })

    it("refuses anonymous callers on every transfer route", async () => {
      const before = await snapshot()
      // Started one at a time: a later rejection started in parallel would
      // go unhandled while an earlier one is awaited.
      const calls = [
        () =>
          api.post("/admin/stock-transfers", {
            source_location_id: warehouseId,
            destination_location_id: shopId,
            items: [{ inventory_item_id: itemId, quantity: 1 }],
          }),
        () => api.get("/admin/stock-transfers"),
        () => api.get("/admin/stock-transfers/stran_x"),
      ]
      for (const call of calls) {
        expect((await expectFailure(call())).status).toBe(401)
      }
      expect(await snapshot()).toEqual(before)
    })
  },
})
