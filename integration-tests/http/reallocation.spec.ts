import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow, createStockLocationsWorkflow } from "@medusajs/medusa/core-flows"
import { createAdminUser, expectFailure } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore } from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { snapshotStock, withRefusedStep } from "../helpers/rollback"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(300000)

const WORKFLOW_ID = "stockroom-reallocate-order-line"
const UNITS_STEP_ID = "reallocate-order-line-units"

// Backorders allowed, every location backorderable by default.
stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let first: string
    let second: string
    const ledger = ledgerReader(dbConnection)
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    const receive = (variant: SeededVariant, locationId: string, quantity: number) =>
      api.post(
        "/admin/stock-movements",
        { inventory_item_id: variant.inventory_item_id, location_id: locationId, quantity },
        { headers }
      )
    const reallocate = (orderId: string, body: Record<string, unknown>, options = { headers }) =>
      api.post(`/admin/orders/${orderId}/inventory-units/reallocate`, body, options)
    const unitsOf = async (orderId: string) =>
      (await ledger.units({ order_id: orderId })).map((unit: any) => [
        unit.inventory_item_id,
        unit.location_id,
        unit.state,
        unit.quantity,
      ])
    const reservationsOf = (lineItemId: string) =>
      rows(
        `select inventory_item_id, location_id, quantity::int as quantity from reservation_item
          where line_item_id = ? and deleted_at is null order by inventory_item_id, location_id`,
        [lineItemId]
      )
    const movementsBy = async (orderId: string, kind: string) =>
      (
        await rows(
          `select inventory_item_id, location_id, quantity, stocked_change from stock_movement
            where originator_type = 'order' and originator_id = ? and kind = ?
            order by inventory_item_id, location_id`,
          [orderId, kind]
        )
      ).map((m: any) => [m.inventory_item_id, m.location_id, m.quantity, m.stocked_change])

    beforeEach(async () => {
      ;({ headers } = await createAdminUser(api, getContainer()))
      store = await seedStore(getContainer(), 2)
      first = store.locations[0].id
      second = store.locations[1].id
    })

    it("moves an on_hand line to another location, and Medusa fulfils it there", async () => {
      const [mug] = await createProduct(getContainer(), store, [{ title: "Mug" }], "Mug")
      await receive(mug, first, 5)
      await receive(mug, second, 5)
      const order = await placeOrder(api, store, [{ variant_id: mug.id, quantity: 2 }])
      const lineId = order.items[0].id
      await settled(api, headers)
      expect(await unitsOf(order.id)).toEqual([[mug.inventory_item_id, first, "on_hand", 2]])

      // The drawer's list: both locations, the current one refused.
      const { data: targets } = await api.get(
        `/admin/orders/${order.id}/inventory-units/reallocate?line_item_id=${lineId}`,
        { headers }
      )
      expect(
        targets.locations.map((l: any) => [l.location_id, l.current, l.items[0].sellable, l.items[0].on_hand, !!l.refusal])
      ).toEqual([
        [first, true, 3, 2, true],
        [second, false, 5, 2, false],
      ])

      const { data } = await reallocate(order.id, { line_item_id: lineId, location_id: second })
      expect(data.inventory_units.map((u: any) => [u.location_id, u.state, u.quantity])).toEqual([
        [second, "on_hand", 2],
      ])
      expect(data.stock_movements.map((m: any) => [m.kind, m.location_id, m.quantity])).toEqual(
        expect.arrayContaining([
          ["released", first, 2],
          ["allocated", second, -2],
        ])
      )
      expect(await unitsOf(order.id)).toEqual([[mug.inventory_item_id, second, "on_hand", 2]])
      expect(await reservationsOf(lineId)).toEqual([
        { inventory_item_id: mug.inventory_item_id, location_id: second, quantity: 2 },
      ])
      expect(await ledger.level(mug.inventory_item_id!, first)).toEqual({ stocked: 5, reserved: 0, count_on_hand: 5 })
      expect(await ledger.level(mug.inventory_item_id!, second)).toEqual({ stocked: 5, reserved: 2, count_on_hand: 3 })
      expect(await movementsBy(order.id, "released")).toEqual([[mug.inventory_item_id, first, 2, 0]])
      expect(await movementsBy(order.id, "allocated")).toEqual([
        [mug.inventory_item_id, first, -2, 0],
        [mug.inventory_item_id, second, -2, 0],
      ])
      await settled(api, headers)

      // Medusa's own fulfillment route ships it from the new location.
      await api.post(
        `/admin/orders/${order.id}/fulfillments`,
        { items: [{ id: lineId, quantity: 2 }], location_id: second },
        { headers }
      )
      await settled(api, headers)
      expect(await unitsOf(order.id)).toEqual([[mug.inventory_item_id, second, "shipped", 2]])
      expect(await ledger.level(mug.inventory_item_id!, second)).toEqual({ stocked: 3, reserved: 0, count_on_hand: 3 })
      expect(await ledger.level(mug.inventory_item_id!, first)).toEqual({ stocked: 5, reserved: 0, count_on_hand: 5 })
      expect(
        (await ledger.movements(mug.inventory_item_id!, second))
          .filter((m: any) => m.kind === "shipped")
          .map((m: any) => [m.quantity, m.stocked_change, m.originator_type])
      ).toEqual([[0, -2, "fulfillment"]])
      expect(await reservationsOf(lineId)).toEqual([])

      // Shipped: nothing is left to move.
      const nothing = await expectFailure(reallocate(order.id, { line_item_id: lineId, location_id: first }))
      expect([nothing.status, nothing.data.message]).toEqual([
        400,
        `Line ${lineId} of order ${order.id} has nothing unshipped to move`,
      ])
    })

    it("moves a backordered line: on_hand as far as the target has stock, backordered beyond; the freed stock fills the source's backorders", async () => {
      const [shirt] = await createProduct(getContainer(), store, [{ title: "Shirt" }], "Shirt")
      await receive(shirt, first, 1)
      // Neither location covers 2: placed at the first backorderable one.
      const older = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
      const waiting = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 1 }])
      await settled(api, headers)
      expect(await unitsOf(older.id)).toEqual([
        [shirt.inventory_item_id, first, "backordered", 1],
        [shirt.inventory_item_id, first, "on_hand", 1],
      ])
      expect(await unitsOf(waiting.id)).toEqual([[shirt.inventory_item_id, first, "backordered", 1]])
      await receive(shirt, second, 1)

      await reallocate(older.id, { line_item_id: older.items[0].id, location_id: second })
      expect(await unitsOf(older.id)).toEqual([
        [shirt.inventory_item_id, second, "backordered", 1],
        [shirt.inventory_item_id, second, "on_hand", 1],
      ])
      // The on_hand unit it left at the first location went to the waiting order.
      expect(await unitsOf(waiting.id)).toEqual([[shirt.inventory_item_id, first, "on_hand", 1]])
      expect(await reservationsOf(older.items[0].id)).toEqual([
        { inventory_item_id: shirt.inventory_item_id, location_id: second, quantity: 2 },
      ])
      expect(await ledger.level(shirt.inventory_item_id!, first)).toEqual({ stocked: 1, reserved: 1, count_on_hand: 0 })
      expect(await ledger.level(shirt.inventory_item_id!, second)).toEqual({ stocked: 1, reserved: 2, count_on_hand: -1 })
      expect(await movementsBy(older.id, "released")).toEqual([[shirt.inventory_item_id, first, 2, 0]])
      expect((await movementsBy(older.id, "allocated")).filter((m: any) => m[1] === second)).toEqual([
        [shirt.inventory_item_id, second, -2, 0],
      ])
      expect((await settled(api, headers)).ok).toBe(true)
    })

    it("moves every component of a kit line together", async () => {
      const container = getContainer()
      const [part] = await createProduct(container, store, [{ title: "Part" }], "Part")
      const [box] = await createProduct(container, store, [{ title: "Box" }], "Box")
      await receive(part, first, 2)
      await receive(box, first, 1)
      await receive(part, second, 6)
      await receive(box, second, 3)
      const {
        result: [kitProduct],
      } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Kit",
              status: ProductStatus.PUBLISHED,
              shipping_profile_id: store.shippingProfileId,
              sales_channels: [{ id: store.salesChannelId }],
              options: [{ title: "Kind", values: ["Kit"] }],
              variants: [
                {
                  title: "Kit",
                  options: { Kind: "Kit" },
                  manage_inventory: true,
                  allow_backorder: true,
                  prices: [{ currency_code: "eur", amount: 30 }],
                  inventory_items: [
                    { inventory_item_id: part.inventory_item_id!, required_quantity: 2 },
                    { inventory_item_id: box.inventory_item_id!, required_quantity: 1 },
                  ],
                },
              ],
            },
          ],
        },
      })
      const {
        data: [kit],
      } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product_variant", fields: ["id"], filters: { product_id: kitProduct.id } })
      const order = await placeOrder(api, store, [{ variant_id: kit.id, quantity: 1 }])
      const lineId = order.items[0].id
      await settled(api, headers)
      const sorted = async () => (await unitsOf(order.id)).sort()
      expect(await sorted()).toEqual(
        [
          [part.inventory_item_id, first, "on_hand", 2],
          [box.inventory_item_id, first, "on_hand", 1],
        ].sort()
      )

      await reallocate(order.id, { line_item_id: lineId, location_id: second })
      expect(await sorted()).toEqual(
        [
          [part.inventory_item_id, second, "on_hand", 2],
          [box.inventory_item_id, second, "on_hand", 1],
        ].sort()
      )
      expect((await reservationsOf(lineId)).map((r: any) => [r.inventory_item_id, r.location_id, r.quantity]).sort()).toEqual(
        [
          [part.inventory_item_id, second, 2],
          [box.inventory_item_id, second, 1],
        ].sort()
      )
      expect((await movementsBy(order.id, "released")).sort()).toEqual(
        [
          [part.inventory_item_id, first, 2, 0],
          [box.inventory_item_id, first, 1, 0],
        ].sort()
      )
      expect(await ledger.level(part.inventory_item_id!, second)).toEqual({ stocked: 6, reserved: 2, count_on_hand: 4 })
      expect(await ledger.level(box.inventory_item_id!, first)).toEqual({ stocked: 1, reserved: 0, count_on_hand: 1 })
      await settled(api, headers)
    })

    it("refuses what it cannot do and writes nothing", async () => {
      const container = getContainer()
      const [mug] = await createProduct(container, store, [{ title: "Mug" }], "Mug")
      await receive(mug, first, 3)
      const order = await placeOrder(api, store, [{ variant_id: mug.id, quantity: 2 }])
      const lineId = order.items[0].id
      const {
        result: [elsewhere],
      } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: "Not in the channel" }] } })
      await settled(api, headers)
      // The second location has no stock: moving there backorders the whole line.
      const { data: items } = await api.get(
        `/admin/stock-items?inventory_item_id=${mug.inventory_item_id}&location_id=${second}`,
        { headers }
      )
      await api
        .post(`/admin/stock-items/${items.stock_items[0].id}`, { backorderable: false }, { headers })
        .catch((err: any) => {
          throw new Error(`backorderable refused: ${JSON.stringify(err.response?.data)}`)
        })
      await settled(api, headers)

      const before = await snapshotStock(dbConnection)
      const refusals: [() => Promise<unknown>, number, string | RegExp][] = [
        [() => reallocate("order_missing", { line_item_id: lineId, location_id: second }), 404, "Order with id: order_missing was not found"],
        [
          () => reallocate(order.id, { line_item_id: "ordli_missing", location_id: second }),
          404,
          `Line item ordli_missing is not a line of order ${order.id}`,
        ],
        [
          () => reallocate(order.id, { line_item_id: lineId, location_id: first }),
          400,
          `Line ${lineId} is already at location ${first}`,
        ],
        [
          () => reallocate(order.id, { line_item_id: lineId, location_id: elsewhere.id }),
          400,
          `Location ${elsewhere.id} is not a location of the order's sales channel ${store.salesChannelId}`,
        ],
        [
          () => reallocate(order.id, { line_item_id: lineId, location_id: second }),
          400,
          `Location ${second} cannot backorder inventory item ${mug.inventory_item_id}: 2 needed, 0 sellable`,
        ],
        [() => reallocate(order.id, { line_item_id: lineId, location_id: second, quantity: 1 }), 400, /quantity/],
        [() => reallocate(order.id, { line_item_id: lineId }), 400, /location_id/],
        [() => reallocate(order.id, { line_item_id: 7, location_id: second }), 400, /line_item_id/],
        [() => reallocate(order.id, { line_item_id: lineId, location_id: second }, { headers: {} } as any), 401, /Unauthorized/],
      ]
      for (const [request, status, message] of refusals) {
        const response = await expectFailure(request())
        expect([response.status, response.data.message]).toEqual([
          status,
          typeof message === "string" ? message : expect.stringMatching(message),
        ])
        if (status !== 401) {
          expect(typeof response.data.type).toBe("string")
        }
      }
      expect(await snapshotStock(dbConnection)).toEqual(before)
      const anonymousList = await expectFailure(
        api.get(`/admin/orders/${order.id}/inventory-units/reallocate?line_item_id=${lineId}`)
      )
      expect(anonymousList.status).toBe(401)
      const badList = await expectFailure(
        api.get(`/admin/orders/${order.id}/inventory-units/reallocate?line_item_id=${lineId}&x=1`, { headers })
      )
      expect(badList.status).toBe(400)
    })

    it("rolls back: when moving the units fails, the reservations go back and nothing else changes", async () => {
      const [mug] = await createProduct(getContainer(), store, [{ title: "Mug" }], "Mug")
      await receive(mug, first, 3)
      await receive(mug, second, 3)
      const order = await placeOrder(api, store, [{ variant_id: mug.id, quantity: 2 }])
      const lineId = order.items[0].id
      await settled(api, headers)
      const before = await snapshotStock(dbConnection)

      const failed = await withRefusedStep(WORKFLOW_ID, UNITS_STEP_ID, () =>
        expectFailure(reallocate(order.id, { line_item_id: lineId, location_id: second }))
      )
      expect(failed.status).toBe(500)
      const after = await snapshotStock(dbConnection)
      // A reservation moved back is a new row at its old place.
      const withoutIds = (reservations: any[]) => reservations.map(({ id, ...rest }) => rest)
      expect(withoutIds(after.reservations)).toEqual(withoutIds(before.reservations))
      expect(after.levels.map(({ raw_reserved_quantity, ...rest }: any) => rest)).toEqual(
        before.levels.map(({ raw_reserved_quantity, ...rest }: any) => rest)
      )
      expect(after.units).toEqual(before.units)
      expect(after.stock_items).toEqual(before.stock_items)
      expect(after.movements).toEqual(before.movements)
      expect(await reservationsOf(lineId)).toEqual([
        { inventory_item_id: mug.inventory_item_id, location_id: first, quantity: 2 },
      ])

      // The same move then goes through.
      await reallocate(order.id, { line_item_id: lineId, location_id: second })
      expect(await unitsOf(order.id)).toEqual([[mug.inventory_item_id, second, "on_hand", 2]])
      await settled(api, headers)
    })
  },
})
