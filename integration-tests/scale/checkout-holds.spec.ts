/**
 * Checkout holds on a store run as several processes (two servers and a
 * worker on PostgreSQL and Redis, as multi-process.spec.ts): 30 customers
 * hold at once for 10 units, then all complete at once. Exactly the 10 who
 * hold a unit buy one; the other 20 are refused. Skipped when Redis does not
 * answer at REDIS_URL (default redis://localhost:6379).
 */
import {
  chainProblems,
  cleanAudit,
  completeAtOnce,
  drained,
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

describeWithRedis("Checkout holds on two servers and a worker: 30 customers, 10 units", () => {
  const store = useScaleStore({ allow_backorders: false, checkout_hold_minutes: 15 }, [{ key: "held", stocked: 10 }])
  let ctx: ScaleContext
  beforeAll(() => {
    ctx = store.ctx()
  })

  // A holder's unit must never count twice against the others while its
  // checkout is under way (once reserved, once held): a completed cart's
  // hold stops counting, and placement consumes the hold with the units.
  store.it("holds 10 units for the first 10 of 30 customers; all complete at once, exactly those 10 buy, the rest are refused", async () => {
    const { options } = await ctx.admins[0].ok("GET", "/admin/stockroom")
    expect(options).toMatchObject({ allow_backorders: false, checkout_hold_minutes: 15 })
    const { variant_id, inventory_item_id } = ctx.shop.variants.held
    const {
      rows: [{ product_id }],
    } = await ctx.db.query(`SELECT product_id FROM product_variant WHERE id = $1`, [variant_id])
    await ctx.admins[0].ok("POST", `/admin/products/${product_id}/variants/${variant_id}`, { allow_backorder: false })
    const stock_item_id = await stockItemId(ctx, inventory_item_id)
    const before = await movements(ctx, stock_item_id)

    const carts = await prepareCarts(ctx, 30, { variant_id, tag: "held" })
    // Everyone starts checkout at the same moment, over both servers.
    const holdResponses = await Promise.all(
      carts.map((id, i) => ctx.shops[i % ctx.shops.length].request("POST", `/store/carts/${id}/stock-hold`, {}))
    )
    expect(holdResponses.map((r) => r.status)).toEqual(carts.map(() => 200))
    const heldOf = (i: number) => holdResponses[i].body.stock_hold.items[0].held
    const holders = carts.filter((_, i) => heldOf(i) === 1)
    expect(holders).toHaveLength(10)
    expect(carts.filter((_, i) => heldOf(i) === 0)).toHaveLength(20)
    const { rows: holdRows } = await ctx.db.query(
      `SELECT cart_id, quantity::int FROM checkout_hold WHERE inventory_item_id = $1 AND deleted_at IS NULL`,
      [inventory_item_id]
    )
    expect(holdRows.map((row: any) => row.cart_id).sort()).toEqual([...holders].sort())
    expect(holdRows.every((row: any) => row.quantity === 1)).toBe(true)
    // The admin sees them held; the counts and the ledger are untouched.
    const { stock_item } = await ctx.admins[1].ok("GET", `/admin/stock-items/${stock_item_id}`)
    expect(stock_item).toMatchObject({ on_hand: 10, allocated: 0, count_on_hand: 10, held: 10 })
    expect(await movements(ctx, stock_item_id)).toEqual(before)

    // Everyone completes at the same moment, holders and the rest mixed.
    const responses = await completeAtOnce(ctx, carts)
    const sold = responses.filter((r) => r.status === 200 && r.body?.type === "order")
    const refused = responses.filter((r) => !(r.status === 200 && r.body?.type === "order"))
    expect(sold).toHaveLength(10)
    expect(carts.filter((_, i) => responses[i].status === 200 && responses[i].body?.type === "order").sort()).toEqual(
      [...holders].sort()
    )
    expect(refused.map((r) => ({ status: r.status, message: r.body?.message }))).toEqual(
      Array(20).fill({ status: 400, message: expect.stringMatching(/stock|inventory|available/i) })
    )
    await drained(ctx, "after the checkouts")

    // Each holder's hold was consumed by its own checkout.
    const { rows: left } = await ctx.db.query(
      `SELECT id FROM checkout_hold WHERE inventory_item_id = $1 AND deleted_at IS NULL`,
      [inventory_item_id]
    )
    expect(left).toEqual([])
    const orderIds = sold.map((r) => r.body.order.id)
    const rows = await units(ctx, inventory_item_id)
    expect(totals(rows)).toEqual({ on_hand: 10 })
    expect(rows.map((u: any) => u.order_id).sort()).toEqual([...orderIds].sort())
    expect(rows.every((u: any) => u.quantity === 1)).toBe(true)
    expect(await level(ctx, inventory_item_id)).toEqual({ stocked: 10, reserved: 10 })
    const added = (await movements(ctx, stock_item_id)).slice(before.length)
    const byOrder = added.filter((m: any) => m.originator_type === "order")
    expect(byOrder.map((m: any) => m.originator_id).sort()).toEqual([...orderIds].sort())
    expect(byOrder.every((m: any) => m.kind === "allocated" && m.quantity === -1 && m.stocked_change === 0)).toBe(true)
    expect(added.reduce((sum: number, m: any) => sum + m.quantity, 0)).toBe(-10)
    expect(chainProblems(await movements(ctx, stock_item_id))).toEqual([])
    expect((await cleanAudit(ctx)).problems).toEqual([])
  })
})
