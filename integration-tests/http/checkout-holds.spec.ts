import path from "path"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createAdminUser, expectFailure } from "../helpers/admin"
import { completeCart, createProduct, SeededStore, SeededVariant, seedStore, startCart } from "../helpers/commerce"
import { ledgerReader, settled } from "../helpers/ledger"
import { stockroomStoreRunner } from "../helpers/store"

jest.setTimeout(240000)

const failAfterCheckoutStep = createStep("test-fail-after-checkout", async () => {
  throw new Error("forced failure after checkout")
})

// Medusa's checkout as a step of a workflow that fails right after it: its
// steps and hooks compensate.
const completeThenFailWorkflow = createWorkflow("test-complete-cart-then-fail", (input: { id: string }) => {
  completeCartWorkflow.runAsStep({ input })
  failAfterCheckoutStep()
  return new WorkflowResponse(void 0)
})

// Backorders off, holds on for 15 minutes. The clock is driven through the
// hold's expires_at, never by waiting.
stockroomStoreRunner({
  options: { allow_backorders: false, checkout_hold_minutes: 15 },
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: Record<string, string>
    let store: SeededStore
    let mug: SeededVariant
    const ledger = ledgerReader(dbConnection)
    const holds = async (cartId: string) =>
      (
        await dbConnection.raw(
          `select inventory_item_id, location_id, quantity, expires_at from checkout_hold
            where cart_id = ? and deleted_at is null order by location_id`,
          [cartId]
        )
      ).rows
    const expire = (cartId: string) =>
      dbConnection.raw(`update checkout_hold set expires_at = now() - interval '1 second' where cart_id = ?`, [cartId])
    const receive = (locationIndex: number, quantity: number) =>
      api.post(
        "/admin/stock-movements",
        { inventory_item_id: mug.inventory_item_id, location_id: store.locations[locationIndex].id, quantity },
        { headers }
      )
    const cartWith = async (lines: { quantity: number; metadata?: Record<string, unknown> }[]) => {
      const cartId = await startCart(api, store)
      for (const line of lines) {
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: mug.id, ...line }, store.storeHeaders)
      }
      return cartId
    }
    const hold = (cartId: string) => api.post(`/store/carts/${cartId}/stock-hold`, {}, store.storeHeaders)

    beforeEach(async () => {
      ;({ headers } = await createAdminUser(api, getContainer()))
      store = await seedStore(getContainer(), 2)
      ;[mug] = await createProduct(getContainer(), store, [{ title: "Mug", allow_backorder: false }], "Mug")
    })

    it("keeps the last unit for the cart that holds it until the hold expires, without touching the level or the ledger", async () => {
      await receive(0, 1)
      const cartA = await cartWith([{ quantity: 1 }])
      const cartB = await cartWith([{ quantity: 1 }])
      const movementsBefore = await ledger.movements(mug.inventory_item_id!)

      const { data } = await hold(cartA)
      expect(data.stock_hold.items).toEqual([
        { line_item_id: expect.any(String), variant_id: mug.id, quantity: 1, held: 1 },
      ])
      expect(new Date(data.stock_hold.expires_at).getTime()).toBeGreaterThan(Date.now() + 14 * 60 * 1000)
      expect(await holds(cartA)).toEqual([
        expect.objectContaining({ inventory_item_id: mug.inventory_item_id, location_id: store.locations[0].id, quantity: 1 }),
      ])
      expect(await ledger.movements(mug.inventory_item_id!)).toEqual(movementsBefore)
      expect(await ledger.level(mug.inventory_item_id!, store.locations[0].id)).toEqual({ stocked: 1, reserved: 0, count_on_hand: 1 })

      // Everyone else sees the unit gone: store availability, a new cart, B's checkout.
      const { data: availability } = await api.get(`/store/stock-availability?variant_id=${mug.id}`, store.storeHeaders)
      expect(availability.variants[0]).toMatchObject({ on_hand: 0, in_stock: false })
      const added = await expectFailure(
        api.post(`/store/carts/${await startCart(api, store)}/line-items`, { variant_id: mug.id, quantity: 1 }, store.storeHeaders)
      )
      expect(added.status).toBe(400)
      const refused = await expectFailure(completeCart(api, store, cartB))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`Not enough stock: ${mug.id} (1 requested, 0 available)`)
      expect(await ledger.units({ inventory_item_id: mug.inventory_item_id! })).toEqual([])

      // The hold expires: it counts for nothing at once, sweep or not.
      await expire(cartA)
      const { data: completed } = await api.post(`/store/carts/${cartB}/complete`, {}, store.storeHeaders)
      expect(completed.type).toBe("order")
      expect((await ledger.units({ order_id: completed.order.id })).map((u: any) => [u.state, u.quantity])).toEqual([["on_hand", 1]])

      // The sweep removes the expired row.
      const stockroom = getContainer().resolve("stockroom") as any
      expect(await stockroom.sweepExpiredHolds()).toBe(1)
      expect(await holds(cartA)).toEqual([])
    })

    it("holds lines at two locations, renews, releases, and a completing cart consumes exactly its hold", async () => {
      await receive(0, 1)
      await receive(1, 1)
      // Two lines of one variant: each placed whole, one per warehouse.
      const cartId = await cartWith([{ quantity: 1 }, { quantity: 1, metadata: { gift: true } }])
      const { data: first } = await hold(cartId)
      expect(first.stock_hold.items.map((item: any) => item.held)).toEqual([1, 1])
      const rows = await holds(cartId)
      expect(rows.map((row: any) => [row.location_id, row.quantity]).sort()).toEqual(
        [
          [store.locations[0].id, 1],
          [store.locations[1].id, 1],
        ].sort()
      )

      // Renewal: the same rows, a later expiry.
      await dbConnection.raw(`update checkout_hold set expires_at = now() + interval '1 minute' where cart_id = ?`, [cartId])
      const { data: renewed } = await hold(cartId)
      expect(new Date(renewed.stock_hold.expires_at).getTime()).toBeGreaterThan(Date.now() + 14 * 60 * 1000)
      expect(await holds(cartId)).toHaveLength(2)

      // Release: gone, and others may take the stock again.
      const { data: released } = await api.delete(`/store/carts/${cartId}/stock-hold`, store.storeHeaders)
      expect(released).toEqual({ id: cartId, object: "stock_hold", deleted: true })
      expect(await holds(cartId)).toEqual([])

      // Hold again, another cart holds nothing, the holder completes and its hold is consumed.
      await hold(cartId)
      const other = await cartWith([])
      await expectFailure(api.post(`/store/carts/${other}/line-items`, { variant_id: mug.id, quantity: 1 }, store.storeHeaders))
      const { data: done } = await completeCart(api, store, cartId)
      expect(done.type).toBe("order")
      expect(await holds(cartId)).toEqual([])
      const units = await ledger.units({ order_id: done.order.id })
      expect(units.map((u: any) => [u.location_id, u.state, u.quantity]).sort()).toEqual(
        [
          [store.locations[0].id, "on_hand", 1],
          [store.locations[1].id, "on_hand", 1],
        ].sort()
      )
      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit.ok).toBe(true)
    })

    it("refuses bad input and unknown carts, and store callers without a publishable key", async () => {
      const cartId = await cartWith([])
      const body = await expectFailure(
        api.post(`/store/carts/${cartId}/stock-hold`, { quantity: 3 }, store.storeHeaders)
      )
      expect(body.status).toBe(400)
      expect(body.data.message).toMatch(/quantity/)
      const unknown = await expectFailure(api.post(`/store/carts/cart_nope/stock-hold`, {}, store.storeHeaders))
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("cart_nope")
      const unknownDelete = await expectFailure(api.delete(`/store/carts/cart_nope/stock-hold`, store.storeHeaders))
      expect(unknownDelete.status).toBe(404)
      const keyless = await expectFailure(api.post(`/store/carts/${cartId}/stock-hold`, {}))
      expect(keyless.status).toBe(400)
      expect(await holds(cartId)).toEqual([])
    })

    it("shows the units live holds keep on the admin stock items, per location, and nothing once they expire", async () => {
      await receive(0, 3)
      await receive(1, 2)
      const cartA = await cartWith([{ quantity: 2 }])
      const cartB = await cartWith([{ quantity: 1 }])
      await hold(cartA)
      await hold(cartB)
      const heldAt = async (query: string) =>
        Object.fromEntries(
          (await api.get(`/admin/stock-items?${query}`, { headers })).data.stock_items.map((row: any) => [
            row.location_id,
            row.held,
          ])
        )
      // Both carts are placed at the first warehouse (it covers them).
      expect(await heldAt(`inventory_item_id=${mug.inventory_item_id}`)).toEqual({
        [store.locations[0].id]: 3,
        [store.locations[1].id]: 0,
      })
      expect(await heldAt(`location_id=${store.locations[0].id}`)).toEqual({ [store.locations[0].id]: 3 })
      const { data: list } = await api.get(`/admin/stock-items?inventory_item_id=${mug.inventory_item_id}&location_id=${store.locations[0].id}`, { headers })
      const stockItemId = list.stock_items[0].id
      // Holds stand beside the counts; they change none of them.
      expect(list.stock_items[0]).toMatchObject({ on_hand: 3, allocated: 0, count_on_hand: 3, held: 3 })
      const { data: one } = await api.get(`/admin/stock-items/${stockItemId}`, { headers })
      expect(one.stock_item.held).toBe(3)
      // Selecting fields keeps or leaves out `held` like any other field.
      const { data: selected } = await api.get(`/admin/stock-items?location_id=${store.locations[0].id}&fields=id,held`, { headers })
      expect(selected.stock_items).toEqual([{ id: stockItemId, held: 3 }])

      await expire(cartA)
      expect(await heldAt(`inventory_item_id=${mug.inventory_item_id}`)).toEqual({
        [store.locations[0].id]: 1,
        [store.locations[1].id]: 0,
      })
      await api.delete(`/store/carts/${cartB}/stock-hold`, store.storeHeaders)
      expect((await api.get(`/admin/stock-items/${stockItemId}`, { headers })).data.stock_item.held).toBe(0)
    })

    it("puts the hold back when a checkout that consumed it rolls back", async () => {
      await receive(0, 1)
      const cartA = await cartWith([{ quantity: 1 }])
      await hold(cartA)
      const before = await holds(cartA)
      expect(before).toHaveLength(1)
      const movementsBefore = await ledger.movements(mug.inventory_item_id!)
      // Ready to complete: shipping and a payment session.
      await api.post(`/store/carts/${cartA}/shipping-methods`, { option_id: store.locations[0].shippingOptionId }, store.storeHeaders)
      const {
        data: { payment_collection },
      } = await api.post("/store/payment-collections", { cart_id: cartA }, store.storeHeaders)
      await api.post(
        `/store/payment-collections/${payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        store.storeHeaders
      )

      // Medusa's checkout runs (the hook places the units and consumes the hold), then a later step fails.
      const { errors } = await completeThenFailWorkflow(getContainer()).run({
        input: { id: cartA },
        throwOnError: false,
      })
      expect(errors.map((error: any) => error.error?.message)).toContain("forced failure after checkout")
      expect(await holds(cartA)).toEqual(before)
      expect(await ledger.units({ inventory_item_id: mug.inventory_item_id! })).toEqual([])
      // The hold still keeps the unit from everyone else.
      const { data: availability } = await api.get(`/store/stock-availability?variant_id=${mug.id}`, store.storeHeaders)
      expect(availability.variants[0]).toMatchObject({ on_hand: 0, in_stock: false })
      expect(await ledger.level(mug.inventory_item_id!, store.locations[0].id)).toMatchObject({ stocked: 1, reserved: 0 })
      // A failed workflow's events are dropped, so the reconciliation job
      // ledgers the reservation Medusa's rollback deleted: audit clean.
      await require(path.resolve(__dirname, "../../.medusa/server/src/jobs/reconcile-stock")).default(getContainer())
      await settled(api, headers)
      const movements = await ledger.movements(mug.inventory_item_id!)
      // Whatever the rollback ledgered cancels out.
      expect(movements.slice(movementsBefore.length).reduce((sum: number, m: any) => sum + m.quantity, 0)).toBe(0)

      // The holder completes for real and consumes it.
      const { data: done } = await completeCart(api, store, cartA)
      expect(done.type).toBe("order")
      expect(await holds(cartA)).toEqual([])
      expect((await ledger.units({ order_id: done.order.id })).map((u: any) => [u.state, u.quantity])).toEqual([["on_hand", 1]])
      const { data: audit } = await api.get("/admin/stockroom/audit", { headers })
      expect(audit.ok).toBe(true)
    })
  },
})
