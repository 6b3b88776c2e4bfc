import { Modules } from "@medusajs/framework/utils"
import { createAdminUser, expectFailure } from "../helpers/admin"
import { createProduct, placeOrder, SeededStore, SeededVariant, seedStore } from "../helpers/commerce"
import { ledgerReader, settled, waitFor } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(300000)

stockroomStoreRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let shirt: SeededVariant
    let socks: SeededVariant
    let location: string
    const ledger = ledgerReader(dbConnection)

    const rows = async (sql: string, params: unknown[] = []) =>
      (await dbConnection.raw(sql, params)).rows

    const receive = async (variant: SeededVariant, quantity: number, at = location) =>
      (
        await api
          .post(
            "/admin/stock-movements",
            { inventory_item_id: variant.inventory_item_id, location_id: at, quantity },
            { headers }
          )
          .catch((err: any) => {
            throw new Error(`Movement refused: ${JSON.stringify(err.response?.data)}`)
          })
      ).data.stock_movement

    const explain = (what: string) => (err: any) => {
      throw new Error(`${what} refused (${err.response?.status}): ${JSON.stringify(err.response?.data)}`)
    }

    /** The order's payment, captured, so Medusa holds the money a refund gives back. */
    const capturePayment = async (orderId: string) => {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,payment_collections.payments.id`,
        { headers }
      )
      const paymentId = data.order.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/capture`, {}, { headers }).catch(explain("Capture"))
      return paymentId as string
    }

    const fulfill = async (orderId: string, items: { id: string; quantity: number }[]) =>
      api
        .post(`/admin/orders/${orderId}/fulfillments`, { items, location_id: location }, { headers })
        .catch(explain("Fulfillment"))

    /** A paid order of `quantity` shirts, `shipped` of them fulfilled. */
    const shippedOrder = async (quantity: number, shipped = quantity) => {
      const order = await placeOrder(api, store, [{ variant_id: shirt.id, quantity }])
      const paymentId = await capturePayment(order.id)
      await fulfill(order.id, [{ id: order.items[0].id, quantity: shipped }])
      await settled(api, headers)
      return { order, lineId: order.items[0].id as string, paymentId }
    }

    const authorize = async (body: Record<string, unknown>) =>
      (
        await api
          .post("/admin/return-authorizations", body, { headers })
          .catch(explain("Authorization"))
      ).data.return_authorization

    const states = async (orderId: string) =>
      (await ledger.units({ order_id: orderId })).map((unit: any) => [unit.state, unit.quantity])

    const unitRows = (orderId: string) =>
      rows(
        `select id, state, quantity, return_authorization_id, return_id from inventory_unit
          where order_id = ? and deleted_at is null
          order by state, return_authorization_id nulls first, quantity`,
        [orderId]
      )

    const orderSummary = async (orderId: string) => {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,summary,*credit_lines,items.id,items.detail.return_received_quantity,items.detail.return_dismissed_quantity,items.detail.written_off_quantity`,
        { headers }
      )
      return data.order
    }

    /** Everything a refused request must leave untouched. */
    const snapshot = async () => ({
      counts: (
        await rows(`select
          (select count(*) from return_authorization)::int as authorizations,
          (select count(*) from return_authorization_item)::int as authorization_items,
          (select count(*) from inventory_unit)::int as units,
          (select count(*) from stock_movement)::int as movements,
          (select count(*) from "return")::int as medusa_returns,
          (select count(*) from order_credit_line)::int as credit_lines`)
      )[0],
      units: await rows(
        `select id, state, quantity, return_authorization_id, return_id from inventory_unit order by id`
      ),
    })

    beforeEach(async () => {
      const container = getContainer()
      ;({ headers } = await createAdminUser(api, container))
      store = await seedStore(container, 1)
      location = store.locations[0].id
      ;[shirt, socks] = await createProduct(container, store, [{ title: "Shirt" }, { title: "Socks" }])
    })

    it("authorizes part of an order with a custom amount, receives it into stock once and credits that amount for Medusa's refund", async () => {
      await receive(shirt, 5)
      const { order, lineId, paymentId } = await shippedOrder(3)
      expect(Number((await orderSummary(order.id)).summary.pending_difference)).toBe(0)

      const seen: { name: string; data: any }[] = []
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of [
        "stockroom.return_authorization.authorized",
        "stockroom.return_authorization.received",
      ]) {
        bus.subscribe(name, async (event: any) => {
          seen.push({ name, data: event?.data ?? event })
        })
      }

      const authorization = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 2 }],
        reason: "Too small",
        amount: 12.5,
        location_id: location,
        memo: "Customer called on Monday",
      })
      expect(authorization).toMatchObject({
        number: expect.stringMatching(/^RA-\d{4,}$/),
        order_id: order.id,
        state: "authorized",
        reason: "Too small",
        memo: "Customer called on Monday",
        amount: 12.5,
        currency_code: "eur",
        location_id: location,
        return_id: null,
        order: expect.objectContaining({ id: order.id, display_id: expect.any(Number) }),
      })
      expect(authorization.items).toEqual([
        expect.objectContaining({ line_item_id: lineId, quantity: 2, resellable: true, restocked_quantity: 0 }),
      ])
      expect(Object.keys(authorization).filter((key) => key.startsWith("raw_") || key === "deleted_at")).toEqual([])
      // Two of the three shipped units carry the authorization; nothing moved.
      const authorizedUnits = await unitRows(order.id)
      expect(authorizedUnits.map((u: any) => [u.state, u.quantity, u.return_authorization_id])).toEqual([
        ["shipped", 1, null],
        ["shipped", 2, authorization.id],
      ])
      expect(authorization.items[0].inventory_unit_id).toBe(
        authorizedUnits.find((u: any) => u.return_authorization_id).id
      )
      const { data: second } = await api.post(
        "/admin/return-authorizations",
        { order_id: order.id, items: [{ line_item_id: lineId, quantity: 1 }], reason: "Second", location_id: location },
        { headers }
      )
      expect(Number(second.return_authorization.number.slice(3))).toBe(
        Number(authorization.number.slice(3)) + 1
      )
      // The default amount is Medusa's value of the item: 10 each, no tax here.
      expect(second.return_authorization.amount).toBe(10)
      await api.post(`/admin/return-authorizations/${second.return_authorization.id}/cancel`, {}, { headers })

      const {
        data: { return_authorization: received },
      } = await api
        .post(`/admin/return-authorizations/${authorization.id}/receive`, {}, { headers })
        .catch(explain("Receipt"))
      expect(received).toMatchObject({
        id: authorization.id,
        state: "received",
        received_at: expect.any(String),
        return_id: expect.stringMatching(/^return_/),
        items_value: 20,
      })
      expect(received.items).toEqual([expect.objectContaining({ quantity: 2, restocked_quantity: 2 })])
      expect(received.movements).toEqual([
        expect.objectContaining({
          kind: "returned",
          quantity: 2,
          stocked_change: 2,
          originator_type: "return_authorization",
          originator_id: authorization.id,
        }),
      ])

      // Let Medusa's own events (return received, level updated) run their course.
      await settled(api, headers)
      await new Promise((resolve) => setTimeout(resolve, 3000))
      await settled(api, headers)

      const units = await unitRows(order.id)
      expect(units.map((u: any) => [u.state, u.quantity, u.return_authorization_id, u.return_id])).toEqual([
        ["returned", 2, authorization.id, received.return_id],
        ["shipped", 1, null, null],
      ])
      const movements = await ledger.movements(shirt.inventory_item_id!, location)
      expect(movements.map((m: any) => [m.kind, m.quantity, m.stocked_change, m.stocked_after])).toEqual([
        ["received", 5, 5, 5],
        ["allocated", -3, 0, 5],
        ["shipped", 0, -3, 2],
        ["returned", 2, 2, 4],
      ])
      expect(movements[3]).toMatchObject({
        originator_type: "return_authorization",
        originator_id: authorization.id,
      })
      expect(await ledger.level(shirt.inventory_item_id!, location)).toMatchObject({ stocked: 4, reserved: 0 })

      // Medusa's order: the items are returned, and 12.50 is owed to the customer.
      const medusaOrder = await orderSummary(order.id)
      expect(medusaOrder.items.find((item: any) => item.id === lineId).detail).toMatchObject({
        return_received_quantity: 2,
      })
      expect(Number(medusaOrder.summary.pending_difference)).toBe(-12.5)
      expect(medusaOrder.credit_lines).toEqual([
        expect.objectContaining({
          reference: "return_authorization",
          reference_id: authorization.id,
          amount: -7.5,
        }),
      ])
      const { data: returns } = await api.get(
        `/admin/returns?order_id=${order.id}&fields=id,status,metadata,location_id,*items`,
        { headers }
      )
      expect(returns.returns).toEqual([
        expect.objectContaining({
          id: received.return_id,
          status: "received",
          location_id: location,
          metadata: expect.objectContaining({ return_authorization_id: authorization.id }),
          items: [expect.objectContaining({ item_id: lineId, quantity: 2, received_quantity: 2, damaged_quantity: 0 })],
        }),
      ])

      // The admin refunds it through Medusa's own payment refund.
      const { data: refunded } = await api
        .post(`/admin/payments/${paymentId}/refund`, { amount: 12.5 }, { headers })
        .catch(explain("Refund"))
      expect(refunded.payment.refunds).toEqual([expect.objectContaining({ amount: 12.5 })])
      expect(Number((await orderSummary(order.id)).summary.pending_difference)).toBe(0)

      const mine = await waitFor(async () => {
        const events = seen.filter((event) => event.data.id === authorization.id)
        return events.length === 2 ? events : false
      }, "the authorization events")
      expect(mine).toEqual(
        expect.arrayContaining([
          {
            name: "stockroom.return_authorization.authorized",
            data: expect.objectContaining({ order_id: order.id, number: authorization.number, amount: 12.5 }),
          },
          {
            name: "stockroom.return_authorization.received",
            data: expect.objectContaining({ order_id: order.id, return_id: received.return_id, amount: 12.5, items_value: 20 }),
          },
        ])
      )
    })

    it("credits more than the items' value when the amount says so", async () => {
      await receive(shirt, 2)
      const { order, lineId, paymentId } = await shippedOrder(2)
      const { id } = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 1 }],
        reason: "Goodwill",
        amount: 14,
        location_id: location,
      })
      await api.post(`/admin/return-authorizations/${id}/receive`, {}, { headers }).catch(explain("Receipt"))
      const medusaOrder = await orderSummary(order.id)
      expect(Number(medusaOrder.summary.pending_difference)).toBe(-14)
      expect(medusaOrder.credit_lines).toEqual([
        expect.objectContaining({ reference: "return_authorization", reference_id: id, amount: 4 }),
      ])
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 14 }, { headers }).catch(explain("Refund"))
      expect(Number((await orderSummary(order.id)).summary.pending_difference)).toBe(0)
    })

    it("returns a non-resellable item without restocking it", async () => {
      await receive(shirt, 3)
      const { order, lineId } = await shippedOrder(3)
      const authorization = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 1, resellable: false }],
        reason: "Arrived torn",
        location_id: location,
      })
      expect(authorization.amount).toBe(10)
      const {
        data: { return_authorization: received },
      } = await api
        .post(`/admin/return-authorizations/${authorization.id}/receive`, {}, { headers })
        .catch(explain("Receipt"))
      expect(received.movements).toEqual([])
      expect(received.items).toEqual([expect.objectContaining({ resellable: false, restocked_quantity: 0 })])
      await settled(api, headers)

      expect(await states(order.id)).toEqual([["returned", 1], ["shipped", 2]])
      expect(await ledger.level(shirt.inventory_item_id!, location)).toMatchObject({ stocked: 0 })
      const movements = await ledger.movements(shirt.inventory_item_id!, location)
      expect(movements.map((m: any) => m.kind)).toEqual(["received", "allocated", "shipped"])
      const { data: returns } = await api.get(`/admin/returns?order_id=${order.id}&fields=id,status,*items`, {
        headers,
      })
      expect(returns.returns[0]).toMatchObject({
        status: "received",
        items: [expect.objectContaining({ received_quantity: 1, damaged_quantity: 1 })],
      })
      const medusaOrder = await orderSummary(order.id)
      expect(Number(medusaOrder.summary.pending_difference)).toBe(-10)
      expect(medusaOrder.credit_lines).toEqual([])
    })

    it("returns without restock at a location whose setting says not to restock", async () => {
      await api
        .post(`/admin/stock-locations/${location}/stockroom`, { restock_inventory: false }, { headers })
        .catch(explain("Setting"))
      await receive(shirt, 2)
      const { order, lineId } = await shippedOrder(2)
      const authorization = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 2 }],
        reason: "Changed mind",
        location_id: location,
      })
      const {
        data: { return_authorization: received },
      } = await api
        .post(`/admin/return-authorizations/${authorization.id}/receive`, {}, { headers })
        .catch(explain("Receipt"))
      expect(received.movements).toEqual([])
      await settled(api, headers)
      expect(await states(order.id)).toEqual([["returned", 2]])
      expect(await ledger.level(shirt.inventory_item_id!, location)).toMatchObject({ stocked: 0 })
      expect((await ledger.movements(shirt.inventory_item_id!, location)).map((m: any) => m.kind)).toEqual([
        "received",
        "allocated",
        "shipped",
      ])
    })

    it("restocked goods fill a waiting backorder", async () => {
      await receive(shirt, 2)
      const { order, lineId } = await shippedOrder(2)
      const waiting = await placeOrder(api, store, [{ variant_id: shirt.id, quantity: 1 }])
      await settled(api, headers)
      expect(await states(waiting.id)).toEqual([["backordered", 1]])

      const authorization = await authorize({
        order_id: order.id,
        items: [{ inventory_unit_id: (await ledger.units({ order_id: order.id }))[0].id, quantity: 1 }],
        reason: "Wrong colour",
        location_id: location,
      })
      const {
        data: { return_authorization: received },
      } = await api
        .post(`/admin/return-authorizations/${authorization.id}/receive`, {}, { headers })
        .catch(explain("Receipt"))
      expect(received.movements).toEqual([expect.objectContaining({ kind: "returned", quantity: 1 })])
      expect(await states(waiting.id)).toEqual([["on_hand", 1]])
      expect(await states(order.id)).toEqual([["returned", 1], ["shipped", 1]])
      const { data } = await api.get("/admin/backorders", { headers })
      expect(data.backorders).toEqual([])
      await settled(api, headers)
    })

    it("refuses bad requests and writes nothing", async () => {
      await receive(shirt, 5)
      const { order, lineId } = await shippedOrder(3, 2)
      const other = await shippedOrder(1)
      const unshipped = await placeOrder(api, store, [{ variant_id: socks.id, quantity: 1 }])
      await settled(api, headers)
      const units = await ledger.units({ order_id: order.id })
      const onHandUnit = units.find((unit: any) => unit.state === "on_hand")
      const otherUnit = (await ledger.units({ order_id: other.order.id }))[0]
      const base = { order_id: order.id, reason: "Too big", location_id: location }

      await authorize({ ...base, items: [{ line_item_id: lineId, quantity: 1 }] })
      const before = await snapshot()
      const cases: [string, Record<string, unknown>, number, string, RegExp][] = [
        ["no shipped units", { ...base, order_id: unshipped.id, items: [{ line_item_id: unshipped.items[0].id, quantity: 1 }] }, 400, "not_allowed", /no shipped units/],
        ["more than shipped", { ...base, items: [{ line_item_id: lineId, quantity: 3 }] }, 400, "not_allowed", /only 1 shipped and not already authorized/],
        ["more than not yet authorized", { ...base, items: [{ line_item_id: lineId, quantity: 2 }] }, 400, "not_allowed", /only 1 shipped and not already authorized/],
        ["another order's unit", { ...base, items: [{ inventory_unit_id: otherUnit.id, quantity: 1 }] }, 400, "invalid_data", new RegExp(`belongs to order ${other.order.id}`)],
        ["a unit not shipped", { ...base, items: [{ inventory_unit_id: onHandUnit.id, quantity: 1 }] }, 400, "not_allowed", /is on_hand: only shipped units/],
        ["another order's line", { ...base, items: [{ line_item_id: other.lineId, quantity: 1 }] }, 400, "invalid_data", /is not part of order/],
        ["an unknown order", { ...base, order_id: "order_missing", items: [{ line_item_id: lineId, quantity: 1 }] }, 404, "not_found", /Order order_missing not found/],
        ["an unknown location", { ...base, location_id: "sloc_missing", items: [{ line_item_id: lineId, quantity: 1 }] }, 404, "not_found", /sloc_missing/],
        ["an unknown return reason", { ...base, reason: undefined, return_reason_id: "rr_missing", items: [{ line_item_id: lineId, quantity: 1 }] }, 404, "not_found", /rr_missing/],
        ["no reason", { ...base, reason: undefined, items: [{ line_item_id: lineId, quantity: 1 }] }, 400, "invalid_data", /reason is required/],
        ["a negative amount", { ...base, amount: -1, items: [{ line_item_id: lineId, quantity: 1 }] }, 400, "invalid_data", /amount/],
        ["no items", { ...base, items: [] }, 400, "invalid_data", /items/],
        ["a zero quantity", { ...base, items: [{ line_item_id: lineId, quantity: 0 }] }, 400, "invalid_data", /quantity/],
        ["both unit and line", { ...base, items: [{ line_item_id: lineId, inventory_unit_id: onHandUnit.id, quantity: 1 }] }, 400, "invalid_data", /exactly one of inventory_unit_id or line_item_id/],
        ["an unknown field", { ...base, items: [{ line_item_id: lineId, quantity: 1 }], refund: true }, 400, "invalid_data", /refund/],
      ]
      for (const [what, body, status, type, message] of cases) {
        const refused = await expectFailure(api.post("/admin/return-authorizations", body, { headers }))
        expect({ what, status: refused.status, type: refused.data.type }).toEqual({ what, status, type })
        expect(refused.data.message).toMatch(message)
      }
      expect(await snapshot()).toEqual(before)
    })

    it("refuses a second receipt, and a receipt or cancel after cancel, writing nothing", async () => {
      await receive(shirt, 4)
      const { order, lineId } = await shippedOrder(4)
      const first = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 1 }],
        reason: "Too small",
        location_id: location,
      })
      await api.post(`/admin/return-authorizations/${first.id}/receive`, {}, { headers }).catch(explain("Receipt"))
      await settled(api, headers)
      let before = await snapshot()
      const twice = await expectFailure(
        api.post(`/admin/return-authorizations/${first.id}/receive`, {}, { headers })
      )
      expect(twice.status).toBe(400)
      expect(twice.data).toMatchObject({ type: "not_allowed", message: expect.stringMatching(/already received/) })
      const cancelReceived = await expectFailure(
        api.post(`/admin/return-authorizations/${first.id}/cancel`, {}, { headers })
      )
      expect(cancelReceived.status).toBe(400)
      expect(await snapshot()).toEqual(before)

      const second = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 2 }],
        reason: "Too big",
        location_id: location,
      })
      const seen: any[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("stockroom.return_authorization.canceled", async (event: any) => {
          seen.push(event?.data ?? event)
        })
      const {
        data: { return_authorization: canceled },
      } = await api.post(`/admin/return-authorizations/${second.id}/cancel`, {}, { headers })
      expect(canceled).toMatchObject({ state: "canceled", canceled_at: expect.any(String) })
      await waitFor(async () => seen.some((event) => event.id === second.id), "the canceled event")
      expect(seen.find((event) => event.id === second.id)).toMatchObject({
        order_id: order.id,
        number: second.number,
      })
      // Its units are free again.
      expect(
        (await rows(`select count(*)::int as n from inventory_unit where return_authorization_id = ?`, [second.id]))[0].n
      ).toBe(0)
      before = await snapshot()
      const afterCancel = await expectFailure(
        api.post(`/admin/return-authorizations/${second.id}/receive`, {}, { headers })
      )
      expect(afterCancel.status).toBe(400)
      expect(afterCancel.data).toMatchObject({ type: "not_allowed", message: expect.stringMatching(/already canceled/) })
      const cancelTwice = await expectFailure(
        api.post(`/admin/return-authorizations/${second.id}/cancel`, {}, { headers })
      )
      expect(cancelTwice.status).toBe(400)
      const unknown = await expectFailure(
        api.post(`/admin/return-authorizations/ra_missing/receive`, {}, { headers })
      )
      expect(unknown.status).toBe(404)
      const withBody = await expectFailure(
        api.post(`/admin/return-authorizations/${second.id}/cancel`, { force: true }, { headers })
      )
      expect(withBody.status).toBe(400)
      expect(await snapshot()).toEqual(before)

      // The released units can be authorized again.
      const third = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 3 }],
        reason: "All of them",
        location_id: location,
      })
      expect(third.state).toBe("authorized")
    })

    it("undoes everything when Medusa refuses the return, and receives once the order is free", async () => {
      await receive(shirt, 2)
      const { order, lineId } = await shippedOrder(2)
      const authorization = await authorize({
        order_id: order.id,
        items: [{ line_item_id: lineId, quantity: 1 }],
        reason: "Too small",
        amount: 6,
        location_id: location,
      })
      // An order edit in progress: Medusa allows one active change per order,
      // so its return flow refuses after the authorization was claimed.
      await api.post("/admin/order-edits", { order_id: order.id }, { headers }).catch(explain("Order edit"))
      const before = await snapshot()
      const refused = await expectFailure(
        api.post(`/admin/return-authorizations/${authorization.id}/receive`, {}, { headers })
      )
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      expect(refused.data.message).toEqual(expect.any(String))
      expect(await snapshot()).toEqual(before)
      const { data: still } = await api.get(`/admin/return-authorizations/${authorization.id}`, { headers })
      expect(still.return_authorization).toMatchObject({ state: "authorized", received_at: null, return_id: null })
      expect(Number((await orderSummary(order.id)).summary.pending_difference)).toBe(0)

      await api.delete(`/admin/order-edits/${order.id}`, { headers }).catch(explain("Order edit cancel"))
      const {
        data: { return_authorization: received },
      } = await api
        .post(`/admin/return-authorizations/${authorization.id}/receive`, {}, { headers })
        .catch(explain("Receipt"))
      expect(received.state).toBe("received")
      await settled(api, headers)
      expect(await states(order.id)).toEqual([["returned", 1], ["shipped", 1]])
      expect(Number((await orderSummary(order.id)).summary.pending_difference)).toBe(-6)
    })

    it("never authorizes a unit twice or receives an authorization twice under concurrency", async () => {
      await receive(shirt, 4)
      const { order, lineId } = await shippedOrder(4)
      const attempts = await Promise.allSettled(
        [1, 2, 3, 4].map((n) =>
          api.post(
            "/admin/return-authorizations",
            { order_id: order.id, items: [{ line_item_id: lineId, quantity: 2 }], reason: `Try ${n}`, location_id: location },
            { headers }
          )
        )
      )
      const created = attempts
        .filter((attempt): attempt is PromiseFulfilledResult<any> => attempt.status === "fulfilled")
        .map((attempt) => attempt.value.data.return_authorization)
      const refused = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected")
      expect(created).toHaveLength(2)
      expect(refused.map((attempt) => attempt.reason.response?.status)).toEqual([400, 400])
      expect(new Set(created.map((ra) => ra.number)).size).toBe(2)
      const tagged = await rows(
        `select return_authorization_id, sum(quantity)::int as quantity from inventory_unit
          where order_id = ? and return_authorization_id is not null group by return_authorization_id`,
        [order.id]
      )
      expect(tagged.map((row: any) => row.quantity)).toEqual([2, 2])
      expect((await rows(`select count(*)::int as n from return_authorization`))[0].n).toBe(2)

      const receipts = await Promise.allSettled(
        [1, 2].map(() => api.post(`/admin/return-authorizations/${created[0].id}/receive`, {}, { headers }))
      )
      expect(receipts.map((receipt) => receipt.status).sort()).toEqual(["fulfilled", "rejected"])
      await settled(api, headers)
      const movements = await ledger.movements(shirt.inventory_item_id!, location)
      expect(movements.filter((m: any) => m.kind === "returned")).toEqual([
        expect.objectContaining({ quantity: 2, originator_id: created[0].id }),
      ])
      expect(movements.filter((m: any) => m.kind === "reconciled")).toEqual([])
      const { data: returns } = await api.get(`/admin/returns?order_id=${order.id}&fields=id,status`, { headers })
      expect(returns.returns.map((r: any) => r.status)).toEqual(["received"])
    })

    it("lists and shows authorizations with filters and paging", async () => {
      await receive(shirt, 4)
      const a = await shippedOrder(2)
      const b = await shippedOrder(2)
      const first = await authorize({ order_id: a.order.id, items: [{ line_item_id: a.lineId, quantity: 1 }], reason: "One", location_id: location })
      const second = await authorize({ order_id: a.order.id, items: [{ line_item_id: a.lineId, quantity: 1 }], reason: "Two", location_id: location })
      const third = await authorize({ order_id: b.order.id, items: [{ line_item_id: b.lineId, quantity: 2 }], reason: "Three", location_id: location })
      await api.post(`/admin/return-authorizations/${second.id}/cancel`, {}, { headers })

      const { data: all } = await api.get("/admin/return-authorizations", { headers })
      expect(all).toMatchObject({ count: 3, offset: 0, limit: 50 })
      expect(all.return_authorizations.map((ra: any) => ra.id)).toEqual([third.id, second.id, first.id])
      expect(all.return_authorizations[0].items).toHaveLength(1)

      const { data: ofA } = await api.get(`/admin/return-authorizations?order_id=${a.order.id}&order=number`, { headers })
      expect(ofA.return_authorizations.map((ra: any) => ra.id)).toEqual([first.id, second.id])
      const { data: canceled } = await api.get("/admin/return-authorizations?state=canceled", { headers })
      expect(canceled.return_authorizations.map((ra: any) => ra.id)).toEqual([second.id])
      const { data: page } = await api.get("/admin/return-authorizations?limit=1&offset=1", { headers })
      expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 })
      expect(page.return_authorizations.map((ra: any) => ra.id)).toEqual([second.id])

      const { data: one } = await api.get(`/admin/return-authorizations/${third.id}`, { headers })
      expect(one.return_authorization).toMatchObject({
        id: third.id,
        number: third.number,
        order: expect.objectContaining({ id: b.order.id }),
        movements: [],
      })
      const missing = await expectFailure(api.get("/admin/return-authorizations/ra_missing", { headers }))
      expect(missing.status).toBe(404)
      const badState = await expectFailure(api.get("/admin/return-authorizations?state=lost", { headers }))
      expect(badState.status).toBe(400)
      const badParam = await expectFailure(api.get("/admin/return-authorizations?colour=red", { headers }))
      expect(badParam.status).toBe(400)
    })

    it("refuses anonymous callers on every route", async () => {
      for (const [method, path] of [
        ["get", "/admin/return-authorizations"],
        ["post", "/admin/return-authorizations"],
        ["get", "/admin/return-authorizations/ra_1"],
        ["post", "/admin/return-authorizations/ra_1/receive"],
        ["post", "/admin/return-authorizations/ra_1/cancel"],
      ] as const) {
        const refused = await expectFailure(method === "get" ? api.get(path) : api.post(path, {}))
        expect({ method, path, status: refused.status }).toEqual({ method, path, status: 401 })
      }
    })
  },
})
