import { createAdminUser, expectFailure } from "../helpers/admin"
import {
  completeCart,
  createProduct,
  placeOrder,
  SeededStore,
  SeededVariant,
  seedStore,
  signInCustomer,
  startCart,
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
    let otherLocation: string
    const ledger = ledgerReader(dbConnection)
    const rows = async (sql: string, params: unknown[] = []) => (await dbConnection.raw(sql, params)).rows

    const post = async (path: string, body: unknown) =>
      (
        await api.post(path, body, { headers }).catch((err: any) => {
          throw new Error(`${path} refused: ${JSON.stringify(err.response?.data)}`)
        })
      ).data
    const get = async (path: string) => (await api.get(path, { headers })).data

    const receiveStock = (variant: SeededVariant, quantity: number, at = location) =>
      post("/admin/stock-movements", { inventory_item_id: variant.inventory_item_id, location_id: at, quantity })

    const createOrdered = async (body: Record<string, unknown>) =>
      (await post("/admin/purchase-orders", { supplier: "Acme Textiles", location_id: location, ordered: true, ...body }))
        .purchase_order

    const stockItem = async (variant: SeededVariant, at = location) =>
      (await get(`/admin/stock-items?inventory_item_id=${variant.inventory_item_id}&location_id=${at}`)).stock_items[0]

    const unitStates = async (orderId: string) => {
      const sums: Record<string, number> = {}
      for (const unit of await ledger.units({ order_id: orderId })) {
        sums[unit.state] = (sums[unit.state] ?? 0) + unit.quantity
      }
      return sums
    }

    const counts = async () =>
      (
        await rows(`select
           (select count(*)::int from purchase_order) as orders,
           (select count(*)::int from purchase_order_item) as items,
           (select count(*)::int from purchase_order_receipt) as receipts,
           (select count(*)::int from purchase_order_receipt_line) as lines,
           (select coalesce(sum(received_quantity + rejected_quantity), 0)::int from purchase_order_item) as booked,
           (select count(*)::int from stock_movement) as movements,
           (select count(*)::int from stock_transfer) as transfers,
           (select coalesce(sum(received_quantity + rejected_quantity), 0)::int from stock_transfer_item) as transfer_booked,
           (select string_agg(state, ',' order by id) from purchase_order) as states,
           (select string_agg(state, ',' order by id) from stock_transfer) as transfer_states`)
      )[0]

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 2)
      location = store.locations[0].id
      otherLocation = store.locations[1].id
      ;[shirt, socks] = await createProduct(container, store, [{ title: "Shirt" }, { title: "Socks" }])
    })

    describe("purchase orders", () => {
      it("receives partially, filling backorders oldest first by exactly what arrived, then completes", async () => {
        const first = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
        const second = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 3 }])
        await settled(api, headers)
        expect(await unitStates(first.id)).toEqual({ backordered: 2 })
        expect(await unitStates(second.id)).toEqual({ backordered: 3 })

        const { purchase_order: draft } = await post("/admin/purchase-orders", {
          supplier: "Acme Textiles",
          location_id: location,
          reference: "ACME-77",
          expected_at: "2026-12-01T15:30:00Z",
          items: [
            { variant_id: shirt.id, quantity: 10, unit_cost: 4.5 },
            { inventory_item_id: socks.inventory_item_id, quantity: 5 },
          ],
        })
        expect(draft).toMatchObject({ state: "draft", expected_at: "2026-12-01", supplier: "Acme Textiles" })
        expect(draft.number).toMatch(/^PO-\d{4,}$/)
        expect(draft.items.map((item: any) => [item.inventory_item_id, item.quantity, item.received_quantity])).toEqual([
          [shirt.inventory_item_id, 10, 0],
          [socks.inventory_item_id, 5, 0],
        ])
        expect((await stockItem(shirt)).incoming).toBe(0)

        const { purchase_order: ordered } = await post(`/admin/purchase-orders/${draft.id}/order`, {})
        expect(ordered.state).toBe("ordered")
        expect(ordered.ordered_at).toBeTruthy()
        expect(await stockItem(shirt)).toMatchObject({ incoming: 10, next_expected_at: "2026-12-01" })
        const incomingList = await get(`/admin/stock-items?incoming=true&location_id=${location}`)
        expect(incomingList.stock_items.map((item: any) => item.inventory_item_id).sort()).toEqual(
          [shirt.inventory_item_id, socks.inventory_item_id].sort()
        )

        const { purchase_order: partial } = await post(`/admin/purchase-orders/${draft.id}/receive`, {
          items: [{ inventory_item_id: shirt.inventory_item_id, accepted: 3, rejected: 1, rejection_reason: "torn" }],
          note: "first pallet",
        })
        expect(partial.state).toBe("partially_received")
        expect(partial.items[0]).toMatchObject({ received_quantity: 3, rejected_quantity: 1 })
        expect(partial.receipts).toHaveLength(1)
        expect(partial.receipts[0]).toMatchObject({ complete: false, note: "first pallet" })
        expect(partial.receipts[0].lines).toEqual([
          expect.objectContaining({ inventory_item_id: shirt.inventory_item_id, accepted: 3, rejected: 1, rejection_reason: "torn" }),
        ])
        expect(partial.movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.originator_type, m.originator_id])).toEqual([
          ["received", 3, 3, "purchase_order", draft.id],
        ])
        const movements = await ledger.movements(shirt.inventory_item_id!, location)
        expect(movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.count_on_hand_after, m.stocked_after])).toEqual([
          ["allocated", -2, 0, -2, 0],
          ["allocated", -3, 0, -5, 0],
          ["received", 3, 3, -2, 3],
        ])
        // Oldest first: the first order whole, one unit of the second.
        expect(await unitStates(first.id)).toEqual({ on_hand: 2 })
        expect(await unitStates(second.id)).toEqual({ on_hand: 1, backordered: 2 })
        expect(await stockItem(shirt)).toMatchObject({ on_hand: 3, incoming: 6, backordered_quantity: 2 })
        const ledgerList = await get(`/admin/stock-movements?originator_type=purchase_order&originator_id=${draft.id}`)
        expect(ledgerList.stock_movements).toHaveLength(1)

        const { purchase_order: done } = await post(`/admin/purchase-orders/${draft.id}/receive`, {
          items: [
            { inventory_item_id: shirt.inventory_item_id, accepted: 6 },
            { inventory_item_id: socks.inventory_item_id, accepted: 5 },
          ],
        })
        expect(done.state).toBe("received")
        expect(done.closed_at).toBeTruthy()
        expect(done.receipts.map((receipt: any) => receipt.complete)).toEqual([false, true])
        expect(await unitStates(second.id)).toEqual({ on_hand: 3 })
        expect(await stockItem(shirt)).toMatchObject({ on_hand: 9, incoming: 0, next_expected_at: null })
        expect(await stockItem(socks)).toMatchObject({ on_hand: 5, incoming: 0 })

        const again = await expectFailure(
          api.post(`/admin/purchase-orders/${draft.id}/receive`, { items: [{ inventory_item_id: socks.inventory_item_id, accepted: 1 }] }, { headers })
        )
        expect(again.status).toBe(400)
        expect(again.data.message).toContain("received")
        const list = await get(`/admin/purchase-orders?state=received&q=acme-77`)
        expect(list.purchase_orders.map((order: any) => order.id)).toEqual([draft.id])
        expect((await get(`/admin/purchase-orders?state=draft`)).count).toBe(0)
        expect((await get(`/admin/purchase-orders?inventory_item_id=${socks.inventory_item_id}`)).count).toBe(1)
        await settled(api, headers)
      })

      it("refuses every bad input with a 4xx naming the problem, writing nothing", async () => {
        const draft = (
          await post("/admin/purchase-orders", {
            supplier: "Acme",
            location_id: location,
            items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 4 }],
          })
        ).purchase_order
        const ordered = await createOrdered({ items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 10 }] })
        const canceled = await createOrdered({ items: [{ inventory_item_id: socks.inventory_item_id, quantity: 2 }] })
        await post(`/admin/purchase-orders/${canceled.id}/cancel`, {})
        const before = await counts()

        const line = (extra: Record<string, unknown>) => ({ inventory_item_id: shirt.inventory_item_id, quantity: 1, ...extra })
        const create = (body: Record<string, unknown>) =>
          api.post("/admin/purchase-orders", { supplier: "Acme", location_id: location, items: [line({})], ...body }, { headers })
        const receive = (id: string, items: unknown[], extra: Record<string, unknown> = {}) =>
          api.post(`/admin/purchase-orders/${id}/receive`, { items, ...extra }, { headers })
        const cases: [string, () => Promise<unknown>, number, string][] = [
          ["unknown location", () => create({ location_id: "sloc_missing" }), 404, "sloc_missing"],
          ["unknown inventory item", () => create({ items: [line({ inventory_item_id: "iitem_missing" })] }), 404, "iitem_missing"],
          ["unknown variant", () => create({ items: [{ variant_id: "variant_missing", quantity: 1 }] }), 404, "variant_missing"],
          ["zero quantity", () => create({ items: [line({ quantity: 0 })] }), 400, "quantity"],
          ["negative quantity", () => create({ items: [line({ quantity: -2 })] }), 400, "quantity"],
          ["fractional quantity", () => create({ items: [line({ quantity: 1.5 })] }), 400, "whole number"],
          ["negative unit cost", () => create({ items: [line({ unit_cost: -1 })] }), 400, "unit_cost"],
          ["no items", () => create({ items: [] }), 400, "items"],
          ["same item twice", () => create({ items: [line({}), line({})] }), 400, "more than once"],
          ["no supplier", () => create({ supplier: "" }), 400, "supplier"],
          ["bad date", () => create({ expected_at: "next tuesday" }), 400, "expected_at"],
          ["unknown field", () => create({ discount: 5 }), 400, "discount"],
          ["unknown field on an item", () => create({ items: [line({ colour: "red" })] }), 400, "colour"],
          ["receipt on a draft", () => receive(draft.id, [{ inventory_item_id: shirt.inventory_item_id, accepted: 1 }]), 400, "draft"],
          ["receipt on a canceled order", () => receive(canceled.id, [{ inventory_item_id: socks.inventory_item_id, accepted: 1 }]), 400, "canceled"],
          ["over-receipt", () => receive(ordered.id, [{ inventory_item_id: shirt.inventory_item_id, accepted: 9, rejected: 2 }]), 400, `inventory item ${shirt.inventory_item_id}`],
          ["receipt of zero", () => receive(ordered.id, [{ inventory_item_id: shirt.inventory_item_id, accepted: 0 }]), 400, "at least one unit"],
          ["negative accepted", () => receive(ordered.id, [{ inventory_item_id: shirt.inventory_item_id, accepted: -1 }]), 400, "accepted"],
          ["fractional accepted", () => receive(ordered.id, [{ inventory_item_id: shirt.inventory_item_id, accepted: 0.5 }]), 400, "whole number"],
          ["item not on the order", () => receive(ordered.id, [{ inventory_item_id: socks.inventory_item_id, accepted: 1 }]), 400, socks.inventory_item_id!],
          ["receipt for an unknown order", () => receive("po_missing", [{ inventory_item_id: shirt.inventory_item_id, accepted: 1 }]), 404, "po_missing"],
          ["unknown field on a receipt", () => receive(ordered.id, [{ inventory_item_id: shirt.inventory_item_id, accepted: 1 }], { signed: true }), 400, "signed"],
          ["editing items after ordering", () => api.post(`/admin/purchase-orders/${ordered.id}`, { items: [line({ quantity: 3 })] }, { headers }), 400, "draft"],
          ["editing a canceled order", () => api.post(`/admin/purchase-orders/${canceled.id}`, { note: "late" }, { headers }), 400, "canceled"],
          ["editing an unknown order", () => api.post(`/admin/purchase-orders/po_missing`, { note: "x" }, { headers }), 404, "po_missing"],
          ["ordering an ordered order", () => api.post(`/admin/purchase-orders/${ordered.id}/order`, {}, { headers }), 400, "only a draft"],
          ["canceling a canceled order", () => api.post(`/admin/purchase-orders/${canceled.id}/cancel`, {}, { headers }), 400, "canceled"],
          ["canceling an unknown order", () => api.post(`/admin/purchase-orders/po_missing/cancel`, {}, { headers }), 404, "po_missing"],
          ["unknown order", () => api.get(`/admin/purchase-orders/po_missing`, { headers }), 404, "po_missing"],
          ["unknown state filter", () => api.get(`/admin/purchase-orders?state=lost`, { headers }), 400, "state"],
          ["unknown order field", () => api.get(`/admin/purchase-orders?order=price`, { headers }), 400, "price"],
        ]
        for (const [what, request, status, mentions] of cases) {
          const response = await expectFailure(request())
          expect([what, response.status]).toEqual([what, status])
          expect(response.data.type).toBeTruthy()
          expect([what, response.data.message]).toEqual([what, expect.stringContaining(mentions)])
        }
        const overReceipt = await expectFailure(receive(ordered.id, [{ inventory_item_id: shirt.inventory_item_id, accepted: 11 }]))
        expect(overReceipt.data.message).toContain("only 10 outstanding")
        expect(await counts()).toEqual(before)
        await settled(api, headers)
      })

      it("edits a draft's items, an ordered order's date and note, and cancels keeping what was received", async () => {
        const { purchase_order: draft } = await post("/admin/purchase-orders", {
          supplier: "Acme",
          location_id: location,
          items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 4 }],
        })
        const { purchase_order: edited } = await post(`/admin/purchase-orders/${draft.id}`, {
          items: [{ variant_id: socks.id, quantity: 7, unit_cost: 2 }],
          supplier: "Acme Socks",
        })
        expect(edited.supplier).toBe("Acme Socks")
        expect(edited.items.map((item: any) => [item.inventory_item_id, item.quantity])).toEqual([[socks.inventory_item_id, 7]])
        await post(`/admin/purchase-orders/${draft.id}/order`, {})
        const { purchase_order: dated } = await post(`/admin/purchase-orders/${draft.id}`, { expected_at: "2027-01-15", note: "by sea" })
        expect(dated).toMatchObject({ expected_at: "2027-01-15", note: "by sea", state: "ordered" })

        await post(`/admin/purchase-orders/${draft.id}/receive`, { items: [{ inventory_item_id: socks.inventory_item_id, accepted: 2 }] })
        const { purchase_order: canceled } = await post(`/admin/purchase-orders/${draft.id}/cancel`, {})
        expect(canceled.state).toBe("canceled")
        expect(canceled.items[0]).toMatchObject({ quantity: 7, received_quantity: 2 })
        expect(await stockItem(socks)).toMatchObject({ on_hand: 2, incoming: 0, next_expected_at: null })
        await settled(api, headers)
      })

      it("never receives more than was ordered when two receipts race", async () => {
        const ordered = await createOrdered({ items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 5 }] })
        const results = await Promise.allSettled(
          [0, 1].map(() =>
            api.post(
              `/admin/purchase-orders/${ordered.id}/receive`,
              { items: [{ inventory_item_id: shirt.inventory_item_id, accepted: 4 }] },
              { headers }
            )
          )
        )
        expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"])
        const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult
        expect(refused.reason.response.status).toBe(400)
        expect(refused.reason.response.data.message).toContain("only 1 outstanding")
        const [item] = await rows(`select received_quantity from purchase_order_item where purchase_order_id = ?`, [ordered.id])
        expect(item.received_quantity).toBe(4)
        const booked = await rows(
          `select kind, quantity from stock_movement where originator_type = 'purchase_order' and originator_id = ?`,
          [ordered.id]
        )
        expect(booked).toEqual([{ kind: "received", quantity: 4 }])
        expect(await ledger.level(shirt.inventory_item_id!, location)).toMatchObject({ stocked: 4 })
        await settled(api, headers)
      })

      it("refuses anonymous callers on every new route", async () => {
        const ordered = await createOrdered({ items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 5 }] })
        const before = await counts()
        const anonymous = [
          () => api.get("/admin/purchase-orders"),
          () => api.get(`/admin/purchase-orders/${ordered.id}`),
          () => api.post("/admin/purchase-orders", { supplier: "x", location_id: location, items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 1 }] }),
          () => api.post(`/admin/purchase-orders/${ordered.id}`, { note: "x" }),
          () => api.post(`/admin/purchase-orders/${ordered.id}/order`, {}),
          () => api.post(`/admin/purchase-orders/${ordered.id}/receive`, { items: [{ inventory_item_id: shirt.inventory_item_id, accepted: 1 }] }),
          () => api.post(`/admin/purchase-orders/${ordered.id}/cancel`, {}),
          () => api.post(`/admin/stock-transfers/stran_any/receive`, {}),
          () => api.post(`/admin/stock-transfers/stran_any/cancel`, {}),
        ]
        for (const request of anonymous) {
          expect((await expectFailure(request())).status).toBe(401)
        }
        expect(await counts()).toEqual(before)
      })
    })

    describe("backorder ETAs", () => {
      it("dates each backordered unit by the batch that covers its last unit, and moves the queue after a receipt", async () => {
        const o1 = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
        const o2 = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 3 }])
        const o3 = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 4 }])
        await settled(api, headers)
        const later = await createOrdered({ expected_at: "2026-12-10", items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 6 }] })
        const sooner = await createOrdered({ expected_at: "2026-12-05", items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 3 }] })
        const o4 = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 1 }])
        await settled(api, headers)

        const queue = async () =>
          (await get(`/admin/backorders?variant_id=${shirt.id}`)).backorders.map((unit: any) => [
            unit.order_id,
            unit.quantity,
            unit.queue_position,
            unit.expected_at,
          ])
        // Batches by date: 3 by 12-05 cover units 1–3, 6 by 12-10 cover 4–9; unit 10 waits undated.
        expect(await queue()).toEqual([
          [o1.id, 2, 1, "2026-12-05"],
          [o2.id, 3, 3, "2026-12-10"],
          [o3.id, 4, 6, "2026-12-10"],
          [o4.id, 1, 10, null],
        ])
        const o2Units = (await get(`/admin/orders/${o2.id}/inventory-units`)).inventory_units
        expect(o2Units.map((unit: any) => [unit.state, unit.queue_position, unit.expected_at])).toEqual([
          ["backordered", 3, "2026-12-10"],
        ])
        expect(await stockItem(shirt)).toMatchObject({ incoming: 9, next_expected_at: "2026-12-05", backordered_quantity: 10 })
        const availability = (
          await api.get(`/store/stock-availability?variant_id=${shirt.id}`, store.storeHeaders)
        ).data.variants[0]
        expect(availability).toMatchObject({ incoming: 9, next_restock_at: "2026-12-05" })

        await post(`/admin/purchase-orders/${sooner.id}/receive`, {
          items: [{ inventory_item_id: shirt.inventory_item_id, accepted: 3 }],
        })
        // Three arrived: o1 whole and one of o2 filled; the rest move up behind the later batch.
        expect(await queue()).toEqual([
          [o2.id, 2, 1, "2026-12-10"],
          [o3.id, 4, 3, "2026-12-10"],
          [o4.id, 1, 7, null],
        ])
        expect(await unitStates(o1.id)).toEqual({ on_hand: 2 })
        expect(await unitStates(o2.id)).toEqual({ on_hand: 1, backordered: 2 })
        const o2After = (await get(`/admin/orders/${o2.id}/inventory-units`)).inventory_units
        expect(
          o2After.map((unit: any) => [unit.state, unit.quantity, unit.queue_position, unit.expected_at]).sort()
        ).toEqual([
          ["backordered", 2, 1, "2026-12-10"],
          ["on_hand", 1, null, null],
        ])
        await post(`/admin/purchase-orders/${later.id}/cancel`, {})
        expect((await queue()).map((row: any[]) => row[3])).toEqual([null, null, null])

        // The customer sees the date of their own backorder, and nothing else of the queue.
        const customer = await signInCustomer(api, store, "eta.customer@stockroom.test")
        const cartId = await startCart(api, store, customer)
        const customerHeaders = { headers: { ...store.storeHeaders.headers, ...customer } }
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: shirt.id, quantity: 2 }, customerHeaders)
        const { data: completed } = await completeCart(api, store, cartId, customer)
        await settled(api, headers)
        await createOrdered({ expected_at: "2027-02-01", items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 20 }] })
        const { data: mine } = await api.get(`/store/orders/${completed.order.id}/backorders`, customerHeaders)
        expect(mine.backorders).toEqual([
          expect.objectContaining({ quantity: 2, expected_at: "2027-02-01" }),
        ])
        expect(mine.backorders[0].queue_position).toBeUndefined()
        await settled(api, headers)
      })

      it("dates a page deep in the queue like the whole queue, and leaves the ETAs out when fields omit them", async () => {
        const o1 = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 2 }])
        const o2 = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 3 }])
        const o3 = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 4 }])
        await settled(api, headers)
        await createOrdered({ expected_at: "2026-12-05", items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 4 }] })
        await createOrdered({ expected_at: "2026-12-20", items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 4 }] })

        // Units 1–4 come by 12-05, 5–8 by 12-20, 9 has nothing incoming.
        const page = async (query: string) =>
          (await get(`/admin/backorders?variant_id=${shirt.id}&${query}`)).backorders.map((unit: any) => [
            unit.order_id,
            unit.queue_position,
            unit.expected_at,
          ])
        expect(await page("limit=1&offset=1")).toEqual([[o2.id, 3, "2026-12-20"]])
        expect(await page("limit=1&offset=2")).toEqual([[o3.id, 6, null]])
        expect(await page("order=-ordered_at&limit=2")).toEqual([
          [o3.id, 6, null],
          [o2.id, 3, "2026-12-20"],
        ])
        expect(await page("limit=1")).toEqual([[o1.id, 1, "2026-12-05"]])

        const { backorders } = await get(`/admin/backorders?variant_id=${shirt.id}&fields=id,order_id,quantity,order`)
        expect(backorders).toHaveLength(3)
        for (const row of backorders) {
          expect(Object.keys(row).sort()).toEqual(["id", "order", "order_id", "quantity"])
        }
        const onlyPosition = (await get(`/admin/backorders?variant_id=${shirt.id}&fields=id,queue_position`)).backorders
        expect(onlyPosition.map((row: any) => row.queue_position)).toEqual([1, 3, 6])
      })
    })

    describe("transfers in transit", () => {
      it("takes stock from the source at once, shows it incoming, receives with a reject and cancels the rest back", async () => {
        await receiveStock(shirt, 10)
        const { stock_transfer: transfer } = await post("/admin/stock-transfers", {
          source_location_id: location,
          destination_location_id: otherLocation,
          in_transit: true,
          expected_at: "2026-12-03",
          reference: "TRUCK-1",
          items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 6 }],
        })
        expect(transfer).toMatchObject({ state: "in_transit", expected_at: "2026-12-03" })
        expect(transfer.movements.map((m: any) => [m.kind, m.quantity, m.location_id])).toEqual([
          ["transfer_out", -6, location],
        ])
        expect(await ledger.level(shirt.inventory_item_id!, location)).toMatchObject({ stocked: 4 })
        expect(await ledger.level(shirt.inventory_item_id!, otherLocation)).toMatchObject({ stocked: 0 })
        expect(await stockItem(shirt, otherLocation)).toMatchObject({ incoming: 6, next_expected_at: "2026-12-03" })

        const before = await counts()
        const bad: [() => Promise<unknown>, number, string][] = [
          [() => api.post(`/admin/stock-transfers/${transfer.id}/receive`, { items: [{ inventory_item_id: shirt.inventory_item_id, accepted: 7 }] }, { headers }), 400, "only 6 outstanding"],
          [() => api.post(`/admin/stock-transfers/${transfer.id}/receive`, { items: [{ inventory_item_id: shirt.inventory_item_id, accepted: 1.5 }] }, { headers }), 400, "whole number"],
          [() => api.post(`/admin/stock-transfers/${transfer.id}/receive`, { items: [{ inventory_item_id: socks.inventory_item_id, accepted: 1 }] }, { headers }), 400, socks.inventory_item_id!],
          [() => api.post(`/admin/stock-transfers/${transfer.id}/receive`, { lost: 1 }, { headers }), 400, "lost"],
          [() => api.post(`/admin/stock-transfers/stran_missing/receive`, {}, { headers }), 404, "stran_missing"],
          [() => api.post(`/admin/stock-transfers/stran_missing/cancel`, {}, { headers }), 404, "stran_missing"],
          [() => api.post("/admin/stock-transfers", { destination_location_id: otherLocation, in_transit: true, items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 1 }] }, { headers }), 400, "source_location_id"],
          [() => api.post("/admin/stock-transfers", { source_location_id: location, destination_location_id: otherLocation, expected_at: "2026-12-01", items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 1 }] }, { headers }), 400, "in_transit"],
        ]
        for (const [request, status, mentions] of bad) {
          const response = await expectFailure(request())
          expect([response.status, response.data.message]).toEqual([status, expect.stringContaining(mentions)])
        }
        expect(await counts()).toEqual(before)

        const { stock_transfer: partly } = await post(`/admin/stock-transfers/${transfer.id}/receive`, {
          items: [{ inventory_item_id: shirt.inventory_item_id, accepted: 4, rejected: 1, rejection_reason: "crushed" }],
        })
        expect(partly.state).toBe("in_transit")
        expect(partly.items[0]).toMatchObject({ received_quantity: 4, rejected_quantity: 1, rejection_reason: "crushed" })
        expect(await ledger.level(shirt.inventory_item_id!, otherLocation)).toMatchObject({ stocked: 4 })
        expect(await stockItem(shirt, otherLocation)).toMatchObject({ incoming: 1 })

        const { stock_transfer: canceled } = await post(`/admin/stock-transfers/${transfer.id}/cancel`, {})
        expect(canceled.state).toBe("canceled")
        expect(canceled.movements.map((m: any) => [m.kind, m.quantity, m.location_id])).toEqual(
          expect.arrayContaining([
            ["transfer_out", -6, location],
            ["transfer_in", 4, otherLocation],
            ["transfer_in", 1, location],
          ])
        )
        expect(await ledger.level(shirt.inventory_item_id!, location)).toMatchObject({ stocked: 5 })
        expect(await stockItem(shirt, otherLocation)).toMatchObject({ incoming: 0, on_hand: 4 })
        const again = await expectFailure(api.post(`/admin/stock-transfers/${transfer.id}/receive`, {}, { headers }))
        expect([again.status, again.data.message]).toEqual([400, expect.stringContaining("canceled")])

        const { stock_transfer: whole } = await post("/admin/stock-transfers", {
          source_location_id: location,
          destination_location_id: otherLocation,
          in_transit: true,
          items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 2 }],
        })
        const { stock_transfer: arrived } = await post(`/admin/stock-transfers/${whole.id}/receive`, {})
        expect(arrived.state).toBe("received")
        expect(arrived.items[0]).toMatchObject({ received_quantity: 2, rejected_quantity: 0 })
        const { stock_transfer: instant } = await post("/admin/stock-transfers", {
          source_location_id: location,
          destination_location_id: otherLocation,
          items: [{ inventory_item_id: shirt.inventory_item_id, quantity: 1 }],
        })
        expect(instant.state).toBe("received")
        expect(await ledger.level(shirt.inventory_item_id!, otherLocation)).toMatchObject({ stocked: 7 })
        expect(await ledger.level(shirt.inventory_item_id!, location)).toMatchObject({ stocked: 2 })
        await settled(api, headers)
      })
    })
  },
})
