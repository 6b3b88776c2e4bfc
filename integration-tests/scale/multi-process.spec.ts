/**
 * Stockroom on a store run as several processes: two HTTP servers
 * (workerMode "server") and one worker (workerMode "worker", which serves no
 * routes) sharing PostgreSQL and Redis, with Medusa's Redis event bus,
 * Redis workflow engine and Redis locking. Skipped when Redis does not
 * answer at REDIS_URL (default redis://localhost:6379).
 */
import {
  chainProblems,
  cleanAudit,
  completeAtOnce,
  connectClients,
  drained,
  inBatches,
  level,
  movements,
  prepareCarts,
  redisAnswersSync,
  ScaleContext,
  stockItemId,
  totals,
  units,
  useScaleStore,
} from "./shop"

jest.setTimeout(5 * 60 * 1000)

const describeWithRedis = redisAnswersSync() ? describe : describe.skip

/** The same pseudo-random sequence on every run. */
function seeded(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

describeWithRedis("Stockroom on two servers and a worker (Redis event bus, workflow engine, locking)", () => {
  const store = useScaleStore({}, [
    { key: "movements", stocked: 500 },
    { key: "backorder", stocked: 10 },
    { key: "burst", stocked: 10 },
    { key: "edits", stocked: 100 },
    { key: "limited", stocked: 10 },
    { key: "restock", stocked: 0 },
  ])
  const it = store.it
  let ctx: ScaleContext
  beforeAll(() => {
    ctx = store.ctx()
  })

  it("serves the API from both servers and nothing from the worker", async () => {
    expect(ctx.store.serverUrls).toHaveLength(2)
    for (const admin of ctx.admins) {
      const { options } = await admin.ok("GET", "/admin/stockroom")
      expect(options.allow_backorders).toBe(true)
    }
    const worker = ctx.store.processes.worker
    const response = await fetch(`http://localhost:${worker.port}/admin/stockroom`)
    expect(response.status).toBe(404)
  })

  it("books 100 concurrent movements of mixed sign over both servers exactly, in one balance chain", async () => {
    const { inventory_item_id } = ctx.shop.variants.movements
    const stock_item_id = await stockItemId(ctx, inventory_item_id)
    const before = await movements(ctx, stock_item_id)
    const levelBefore = await level(ctx, inventory_item_id)
    expect(levelBefore.stocked).toBe(500)

    const random = seeded(100)
    const quantities = Array.from({ length: 100 }, (_, i) => {
      const size = 1 + Math.floor(random() * 9)
      return i % 3 === 0 ? -size : size
    })
    const sum = quantities.reduce((a, b) => a + b, 0)
    const responses = await Promise.all(
      quantities.map((quantity, i) =>
        ctx.admins[i % 2].request("POST", "/admin/stock-movements", {
          stock_item_id,
          quantity,
          reason: `scale ${i}`,
        })
      )
    )
    expect(responses.map((r) => r.status)).toEqual(quantities.map(() => 200))

    const after = await movements(ctx, stock_item_id)
    const added = after.slice(before.length)
    // Exactly the 100 movements the routes answered with, and nothing else.
    expect(added).toHaveLength(100)
    expect(added.map((m: any) => m.id).sort()).toEqual(
      responses.map((r) => r.body.stock_movement.id).sort()
    )
    expect(added.map((m: any) => m.quantity).sort((a: number, b: number) => a - b)).toEqual(
      [...quantities].sort((a, b) => a - b)
    )
    expect(added.every((m: any) => m.quantity === m.stocked_change)).toBe(true)
    expect(added.every((m: any) => (m.quantity > 0 ? "received" : "adjusted") === m.kind)).toBe(true)
    expect(chainProblems(after)).toEqual([])
    expect(after[after.length - 1]).toMatchObject({
      stocked_after: 500 + sum,
      count_on_hand_after: 500 + sum,
    })
    expect(await level(ctx, inventory_item_id)).toEqual({ stocked: 500 + sum, reserved: 0 })
    expect((await cleanAudit(ctx)).problems).toEqual([])
  })

  describe("30 customers completing checkout at once for 10 units, backorders allowed", () => {
    let orderIds: string[]
    let backorderedBeforeReceipt: any[]

    it("sells all 30: 10 units on hand and 20 backordered, each exactly once", async () => {
      const { variant_id, inventory_item_id } = ctx.shop.variants.backorder
      const stock_item_id = await stockItemId(ctx, inventory_item_id)
      const before = await movements(ctx, stock_item_id)

      const carts = await prepareCarts(ctx, 30, { variant_id, tag: "backorder" })
      const responses = await completeAtOnce(ctx, carts)
      expect(responses.map((r) => [r.status, r.body?.type])).toEqual(carts.map(() => [200, "order"]))
      orderIds = responses.map((r) => r.body.order.id)
      expect(new Set(orderIds).size).toBe(30)
      await drained(ctx, "after the checkouts")

      const rows = await units(ctx, inventory_item_id)
      expect(totals(rows)).toEqual({ on_hand: 10, backordered: 20 })
      // One unit per order: nothing placed twice, nothing missing.
      expect(rows.map((u: any) => u.order_id).sort()).toEqual([...orderIds].sort())
      expect(rows.every((u: any) => u.quantity === 1)).toBe(true)
      expect(await level(ctx, inventory_item_id)).toEqual({ stocked: 10, reserved: 30 })

      const added = (await movements(ctx, stock_item_id)).slice(before.length)
      // Each order's reservation is booked once as `allocated` by that order.
      const byOrder = added.filter((m: any) => m.originator_type === "order")
      expect(byOrder.map((m: any) => [m.kind, m.quantity, m.stocked_change])).toEqual(
        orderIds.map(() => ["allocated", -1, 0])
      )
      expect(byOrder.map((m: any) => m.originator_id).sort()).toEqual([...orderIds].sort())
      // A reservation another process ledgered before its order's own
      // booking is given back in the same chain: whatever else was written nets to zero.
      const rest = added.filter((m: any) => m.originator_type !== "order")
      expect(rest.reduce((sum: number, m: any) => sum + m.quantity, 0)).toBe(0)
      expect(rest.every((m: any) => m.stocked_change === 0)).toBe(true)
      expect(chainProblems(await movements(ctx, stock_item_id))).toEqual([])
      expect((await cleanAudit(ctx)).problems).toEqual([])
      backorderedBeforeReceipt = rows.filter((u: any) => u.state === "backordered")
    })

    it("fills 15 of the 20 backorders with one receipt, oldest first", async () => {
      expect(backorderedBeforeReceipt).toHaveLength(20)
      const { inventory_item_id } = ctx.shop.variants.backorder
      const stock_item_id = await stockItemId(ctx, inventory_item_id)
      // Oldest first as the queue orders them: ordered_at, then id (sorted by PostgreSQL).
      const { rows: queue } = await ctx.db.query(
        `SELECT id FROM inventory_unit
          WHERE inventory_item_id = $1 AND state = 'backordered' AND deleted_at IS NULL
          ORDER BY ordered_at, id`,
        [inventory_item_id]
      )
      await ctx.admins[1].ok("POST", "/admin/stock-movements", { stock_item_id, quantity: 15 })

      const rows = await units(ctx, inventory_item_id)
      expect(totals(rows)).toEqual({ on_hand: 25, backordered: 5 })
      const state = new Map(rows.map((u: any) => [u.id, u.state]))
      expect(queue.slice(0, 15).map((u: any) => state.get(u.id))).toEqual(
        Array(15).fill("on_hand")
      )
      expect(queue.slice(15).map((u: any) => state.get(u.id))).toEqual(Array(5).fill("backordered"))
      expect(rows).toHaveLength(30)
      expect(await level(ctx, inventory_item_id)).toEqual({ stocked: 25, reserved: 30 })
      const last = (await movements(ctx, stock_item_id)).pop()
      expect(last).toMatchObject({ kind: "received", quantity: 15, stocked_after: 25, count_on_hand_after: -5 })
      expect((await cleanAudit(ctx)).problems).toEqual([])
    })

    it("changes nothing when the worker gets the events again, twice and shuffled", async () => {
      expect(orderIds).toHaveLength(30)
      const snapshot = async () => ({
        units: (
          await ctx.db.query(
            `SELECT id, order_id, state, quantity, fulfillment_id FROM inventory_unit ORDER BY id`
          )
        ).rows,
        movements: (await ctx.db.query(`SELECT id, quantity, sequence FROM stock_movement ORDER BY id`)).rows,
        stockItems: (
          await ctx.db.query(`SELECT id, last_sequence, ledger_on_hand, ledger_count_on_hand FROM stock_item ORDER BY id`)
        ).rows,
      })
      const before = await snapshot()
      const { rows: levels } = await ctx.db.query(
        `SELECT id, inventory_item_id FROM inventory_level WHERE deleted_at IS NULL`
      )
      const events = [
        ...orderIds.map((id) => ({ name: "order.placed", data: { id } })),
        ...levels.map((l: any) => ({ name: "inventory.inventory-level.updated", data: { id: l.id } })),
        ...levels.map((l: any) => ({ name: "inventory.inventory-item.created", data: { id: l.inventory_item_id } })),
        { name: "stock_location.stock-location.created", data: { id: ctx.shop.location_id } },
      ]
      const random = seeded(7)
      const redelivered = shuffle([...events, ...events], random)
      const processedBefore = await ctx.store.countWorkerLog("Processing order.placed")
      // Half through each server, at the same time: the worker takes them
      // several at once (event concurrency 4), in no particular order.
      const half = Math.ceil(redelivered.length / 2)
      await Promise.all([
        ctx.admins[0].ok("POST", "/admin/scale-fixture/events", { events: redelivered.slice(0, half) }),
        ctx.admins[1].ok("POST", "/admin/scale-fixture/events", { events: redelivered.slice(half) }),
      ])
      await drained(ctx, "after the redelivery")
      // The worker did handle each redelivered order.placed.
      expect((await ctx.store.countWorkerLog("Processing order.placed")) - processedBefore).toBe(60)

      const after = await snapshot()
      expect(after.units).toEqual(before.units)
      expect(after.movements).toEqual(before.movements)
      expect(after.stockItems).toEqual(before.stockItems)
      expect((await cleanAudit(ctx)).problems).toEqual([])
    })
  })

  it("loses and doubles nothing when the worker is killed in the middle of a burst of orders", async () => {
    const burst = ctx.shop.variants.burst
    const edits = ctx.shop.variants.edits
    const burstItem = await stockItemId(ctx, burst.inventory_item_id)
    const editsItem = await stockItemId(ctx, edits.inventory_item_id)
    const editsBefore = await movements(ctx, editsItem)
    const burstBefore = await movements(ctx, burstItem)

    const ORDERS = 24
    const carts = await prepareCarts(ctx, ORDERS, { variant_id: burst.variant_id, tag: "burst" })
    // The burst: checkouts (units and `allocated` on the servers), Stockroom
    // receipts on the same item, and Medusa's own level form on another
    // item, which only the worker's subscriber ledgers.
    const receipts = [3, 2, 4]
    const editValues = Array.from({ length: 12 }, (_, i) => 101 + i)
    let completed = 0
    let killed = false
    let markKilled: () => void = () => {}
    const workerKilled = new Promise<void>((resolve) => (markKilled = resolve))
    const checkout = inBatches(carts, 4, async (cartId, i) => {
      const response = await ctx.shops[i % 2].request("POST", `/store/carts/${cartId}/complete`, {})
      completed++
      if (completed === 8 && !killed) {
        killed = true
        await ctx.store.killWorker()
        markKilled()
      }
      return response
    })
    const receiving = inBatches(receipts, 1, async (quantity, i) => {
      await new Promise((resolve) => setTimeout(resolve, 400 * (i + 1)))
      return await ctx.admins[i % 2].ok("POST", "/admin/stock-movements", {
        stock_item_id: burstItem,
        quantity,
      })
    })
    const editing = inBatches(editValues, 1, async (stocked_quantity, i) => {
      // The first half of Medusa's edits straight away, the rest once the worker is down.
      await (i < editValues.length / 2 ? new Promise((resolve) => setTimeout(resolve, 150)) : workerKilled)
      return await ctx.admins[i % 2].ok(
        "POST",
        `/admin/inventory-items/${edits.inventory_item_id}/location-levels/${ctx.shop.location_id}`,
        { stocked_quantity }
      )
    })
    const [responses] = await Promise.all([checkout, receiving, editing])
    expect(killed).toBe(true)
    expect(responses.map((r) => [r.status, r.body?.type])).toEqual(carts.map(() => [200, "order"]))
    const orderIds = responses.map((r) => r.body.order.id)

    // The worker is down: Medusa's own level edits are not ledgered yet.
    const queued = await ctx.store.eventQueueCounts()
    const pending = Object.values(queued).reduce((a: number, b: any) => a + Number(b), 0)
    expect(pending).toBeGreaterThan(0)
    const editsLagging = await movements(ctx, editsItem)
    expect(editsLagging[editsLagging.length - 1]?.stocked_after).not.toBe(112)

    await ctx.store.restartWorker()
    await drained(ctx, "after the worker restarted", 180000)
    expect((await cleanAudit(ctx)).problems).toEqual([])

    // Units: one per order, split as the stock allows once everything
    // settled (the receipts filled backorders while the worker was down).
    const stocked = 10 + receipts.reduce((a, b) => a + b, 0)
    const rows = await units(ctx, burst.inventory_item_id)
    expect(rows.map((u: any) => u.order_id).sort()).toEqual([...orderIds].sort())
    expect(stocked).toBeLessThan(ORDERS)
    expect(totals(rows)).toEqual({ on_hand: stocked, backordered: ORDERS - stocked })
    expect(await level(ctx, burst.inventory_item_id)).toEqual({ stocked, reserved: ORDERS })

    // The burst item's ledger: each order allocated once, the receipts once.
    const burstAdded = (await movements(ctx, burstItem)).slice(burstBefore.length)
    const allocated = burstAdded.filter((m: any) => m.originator_type === "order")
    expect(allocated.map((m: any) => m.originator_id).sort()).toEqual([...orderIds].sort())
    expect(allocated.every((m: any) => m.kind === "allocated" && m.quantity === -1)).toBe(true)
    expect(burstAdded.filter((m: any) => m.kind === "received").map((m: any) => m.quantity)).toEqual(receipts)
    expect(burstAdded.reduce((sum: number, m: any) => sum + m.quantity, 0)).toBe(
      receipts.reduce((a, b) => a + b, 0) - ORDERS
    )
    expect(chainProblems(await movements(ctx, burstItem))).toEqual([])

    // Medusa's own edits: ledgered by the restarted worker, to the unit.
    const editsAfter = await movements(ctx, editsItem)
    const editsAdded = editsAfter.slice(editsBefore.length)
    expect(editsAdded.length).toBeGreaterThan(0)
    expect(editsAdded.every((m: any) => m.kind === "reconciled")).toBe(true)
    expect(editsAdded.reduce((sum: number, m: any) => sum + m.stocked_change, 0)).toBe(112 - 100)
    expect(editsAfter[editsAfter.length - 1]).toMatchObject({ stocked_after: 112, count_on_hand_after: 112 })
    expect(chainProblems(editsAfter)).toEqual([])
    expect(await level(ctx, edits.inventory_item_id)).toEqual({ stocked: 112, reserved: 0 })
  })

  describe("with allow_backorders=false", () => {
    beforeAll(async () => {
      await ctx.store.restart({ options: { allow_backorders: false } })
      await connectClients(ctx)
    }, 5 * 60 * 1000)

    it("sells exactly 10 of 10 units to 30 customers at once; every other checkout is a clean 400", async () => {
      const { options } = await ctx.admins[0].ok("GET", "/admin/stockroom")
      expect(options.allow_backorders).toBe(false)
      const { variant_id, inventory_item_id } = ctx.shop.variants.limited
      // Medusa's own flag as well, so Medusa's checks refuse beyond stock too.
      const {
        rows: [{ product_id }],
      } = await ctx.db.query(`SELECT product_id FROM product_variant WHERE id = $1`, [variant_id])
      await ctx.admins[0].ok("POST", `/admin/products/${product_id}/variants/${variant_id}`, {
        allow_backorder: false,
      })
      const stock_item_id = await stockItemId(ctx, inventory_item_id)
      const before = await movements(ctx, stock_item_id)
      const orderCount = async () =>
        Number(
          (
            await ctx.db.query(
              `SELECT count(DISTINCT oi.order_id)::int AS n FROM order_item oi
                 JOIN order_line_item li ON li.id = oi.item_id
                WHERE li.variant_id = $1 AND oi.deleted_at IS NULL`,
              [variant_id]
            )
          ).rows[0].n
        )
      expect(await orderCount()).toBe(0)

      const carts = await prepareCarts(ctx, 30, { variant_id, tag: "limited" })
      const responses = await completeAtOnce(ctx, carts)
      const sold = responses.filter((r) => r.status === 200 && r.body?.type === "order")
      const refused = responses.filter((r) => !(r.status === 200 && r.body?.type === "order"))
      expect(sold).toHaveLength(10)
      expect(refused.map((r) => ({ status: r.status, type: r.body?.type, message: r.body?.message }))).toEqual(
        Array(20).fill({
          status: 400,
          type: expect.any(String),
          message: expect.stringMatching(/stock|inventory|available/i),
        })
      )
      await drained(ctx, "after the checkouts")

      const orderIds = sold.map((r) => r.body.order.id)
      expect(await orderCount()).toBe(10)
      const rows = await units(ctx, inventory_item_id)
      expect(totals(rows)).toEqual({ on_hand: 10 })
      expect(rows.map((u: any) => u.order_id).sort()).toEqual([...orderIds].sort())
      expect(await level(ctx, inventory_item_id)).toEqual({ stocked: 10, reserved: 10 })
      const added = (await movements(ctx, stock_item_id)).slice(before.length)
      const byOrder = added.filter((m: any) => m.originator_type === "order")
      expect(byOrder.map((m: any) => m.originator_id).sort()).toEqual([...orderIds].sort())
      expect(byOrder.every((m: any) => m.kind === "allocated" && m.quantity === -1)).toBe(true)
      expect(added.reduce((sum: number, m: any) => sum + m.quantity, 0)).toBe(-10)
      expect(chainProblems(await movements(ctx, stock_item_id))).toEqual([])
      expect((await cleanAudit(ctx)).problems).toEqual([])
    })
  })

  it("sends each back-in-stock subscriber one email when the restock signal reaches the worker three times at once", async () => {
    const { variant_id, inventory_item_id } = ctx.shop.variants.restock
    const emails = Array.from({ length: 40 }, (_, i) => `waiting-${i}@scale.test`)
    const subscribed = await Promise.all(
      emails.map((email, i) =>
        ctx.shops[i % 2].ok("POST", "/store/stock-subscriptions", { variant_id, email })
      )
    )
    const ids = subscribed.map((body: any) => body.stock_subscription.id)
    expect(new Set(ids).size).toBe(40)

    const stock_item_id = await stockItemId(ctx, inventory_item_id)
    await ctx.admins[0].ok("POST", "/admin/stock-movements", { stock_item_id, quantity: 5 })
    // The same signal again, emitted from both servers while the first is handled.
    const signal = {
      name: "stockroom.stock_item.back_in_stock",
      data: { stock_item_id, inventory_item_id, location_id: ctx.shop.location_id, count_on_hand: 5, threshold: null },
    }
    await Promise.all(
      ctx.admins.map((admin) => admin.ok("POST", "/admin/scale-fixture/events", { events: [signal] }))
    )
    await drained(ctx, "after the restock signals")

    const { rows: sent } = await ctx.db.query(
      `SELECT idempotency_key, "to", status FROM notification
        WHERE channel = 'email' AND idempotency_key = ANY($1)`,
      [ids]
    )
    expect(sent).toHaveLength(40)
    expect(new Set(sent.map((row: any) => row.idempotency_key)).size).toBe(40)
    expect(sent.every((row: any) => row.status === "success")).toBe(true)
    expect(sent.map((row: any) => row.to).sort()).toEqual([...emails].sort())
    const { rows: waiting } = await ctx.db.query(
      "SELECT id FROM stock_subscription WHERE id = ANY($1) AND notified_at IS NULL",
      [ids]
    )
    expect(waiting).toEqual([])
  })
})
