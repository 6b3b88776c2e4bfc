/**
 * What the multi-process specs share: the store booted as servers + a
 * worker (scripts/lib/scale-store.js), a logged-in admin client per server,
 * a shop seeded through Medusa's admin API (bench/lib/storefront.js, the
 * same seeding the benchmark uses), guest carts prepared ahead of a burst of
 * completions, and reads straight from the shared database.
 */
import { execFileSync } from "child_process"
import path from "path"

/* eslint-disable @typescript-eslint/no-var-requires */
const { ScaleStore, ADMIN } = require("../../scripts/lib/scale-store")
const { AdminClient } = require("../../bench/lib/admin-client")
const { setUpShop } = require("../../bench/lib/storefront")
/* eslint-enable @typescript-eslint/no-var-requires */

const COUNTRY = "nl"

/**
 * Whether Redis answers at REDIS_URL, asked synchronously (a child process)
 * so a spec can choose `describe` or `describe.skip` while it is collected.
 */
export function redisAnswersSync(): boolean {
  const redisLib = path.resolve(__dirname, "../../scripts/lib/redis.js")
  try {
    execFileSync(
      process.execPath,
      ["-e", `require(${JSON.stringify(redisLib)}).redisAnswers().then((ok) => process.exit(ok ? 0 : 1))`],
      { stdio: "ignore", timeout: 5000 }
    )
    return true
  } catch {
    return false
  }
}

export type Response = { status: number; body: any; ms: number }
export type Client = {
  request(method: string, path: string, body?: unknown): Promise<Response>
  ok(method: string, path: string, body?: unknown): Promise<any>
  close(): void
}

export type Shop = {
  region_id: string
  sales_channel_id: string
  location_id: string
  shipping_option_id: string
  publishable_key: string
  variants: Record<string, { variant_id: string; variant_ids: string[]; inventory_item_id: string }>
}

export type ScaleContext = {
  store: any
  /** One logged-in admin client per HTTP process. */
  admins: Client[]
  /** One storefront client (publishable key) per HTTP process, once the shop exists. */
  shops: Client[]
  shop: Shop
  db: { query(sql: string, params?: unknown[]): Promise<{ rows: any[] }> }
  log: (message: string) => void
}

const startedAt = Date.now()
export const log = (message: string) =>
  process.stdout.write(`[scale ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}\n`)

/** Two servers and a worker, not started yet (close() cleans up whatever boot() got to). */
export function scaleContext(options: Record<string, unknown> = {}): ScaleContext {
  const store = new ScaleStore({ servers: 2, options, log })
  return { store, admins: [], shops: [], shop: null as any, db: null as any, log }
}

/** Prepares the database and Redis, starts the processes, logs in on every server. */
export async function boot(ctx: ScaleContext) {
  await ctx.store.prepare()
  ctx.db = ctx.store.db
  await ctx.store.start()
  await connectClients(ctx)
}

/** (Re)creates the HTTP clients after the processes (re)started. */
export async function connectClients(ctx: ScaleContext) {
  ctx.admins.forEach((client) => client.close())
  ctx.shops.forEach((client) => client.close())
  ctx.admins = []
  for (const url of ctx.store.serverUrls) {
    const admin = new AdminClient(url)
    await admin.login(ADMIN.email, ADMIN.password)
    ctx.admins.push(admin)
  }
  ctx.shops = ctx.shop
    ? ctx.store.serverUrls.map(
        (url: string) =>
          new AdminClient(url, { headers: { "x-publishable-api-key": ctx.shop.publishable_key } })
      )
    : []
}

/** The worker has handled every queued event; throws when it does not get there. */
export async function drained(ctx: ScaleContext, what: string, timeoutMs = 120000) {
  if (!(await ctx.store.drained(timeoutMs))) {
    throw new Error(
      `the worker did not empty the event queue ${what}: ${JSON.stringify(await ctx.store.eventQueueCounts())}`
    )
  }
}

/**
 * Region, channel, key, location with shipping, and one product with a
 * variant per key (its own inventory item, `stocked` at the location).
 */
export async function seedShop(ctx: ScaleContext, variants: { key: string; stocked: number }[]) {
  const adapter = {
    client: ctx.admins[0],
    db: ctx.db,
    quiet: (what: string) => drained(ctx, what),
  }
  ctx.shop = await setUpShop(adapter, variants)
  await connectClients(ctx)
  return ctx.shop
}

/**
 * A scale store for one describe block: booted and seeded before its
 * tests (minutes on a busy machine), closed after them. The `it` it
 * returns remembers a failure, and then the processes' logs are kept and
 * their folder printed, to read what they said.
 */
export function useScaleStore(options: Record<string, unknown>, variants: { key: string; stocked: number }[]) {
  let ctx: ScaleContext | undefined
  let failed = false
  beforeAll(async () => {
    failed = true
    ctx = scaleContext(options)
    await boot(ctx)
    await seedShop(ctx, variants)
    failed = false
  }, 10 * 60 * 1000)
  afterAll(async () => {
    ctx?.admins.forEach((client) => client.close())
    ctx?.shops.forEach((client) => client.close())
    if (ctx) {
      await ctx.store.close({ keepLogs: failed })
      if (failed) {
        ctx.log(`process logs kept in ${ctx.store.logDir}`)
      }
    }
  }, 60 * 1000)
  const it = (name: string, fn: () => Promise<void>) =>
    global.it(name, async () => {
      try {
        await fn()
      } catch (err) {
        failed = true
        throw err
      }
    })
  return { it, ctx: () => ctx! }
}

/**
 * A guest cart ready to complete: email, address, the items, shipping
 * method, payment collection and system payment session. Returns its id.
 */
export async function prepareCart(
  shop: Client,
  setup: Shop,
  { items, email }: { items: { variant_id: string; quantity: number }[]; email: string }
): Promise<string> {
  const { cart } = await shop.ok("POST", "/store/carts", {
    region_id: setup.region_id,
    sales_channel_id: setup.sales_channel_id,
    email,
    items,
    shipping_address: {
      first_name: "Scale",
      last_name: "Customer",
      address_1: "Street 1",
      city: "Amsterdam",
      postal_code: "1000 AA",
      country_code: COUNTRY,
    },
  })
  await shop.ok("POST", `/store/carts/${cart.id}/shipping-methods`, {
    option_id: setup.shipping_option_id,
  })
  const { payment_collection } = await shop.ok("POST", "/store/payment-collections", {
    cart_id: cart.id,
  })
  await shop.ok("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  return cart.id
}

/** Runs `work` over `inputs` with at most `limit` in flight; results in input order. */
export async function inBatches<T, R>(inputs: T[], limit: number, work: (input: T, index: number) => Promise<R>) {
  const results: R[] = new Array(inputs.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, inputs.length) }, async () => {
      while (next < inputs.length) {
        const index = next++
        results[index] = await work(inputs[index], index)
      }
    })
  )
  return results
}

/** Prepares `count` one-customer carts, spread over the servers. */
export async function prepareCarts(
  ctx: ScaleContext,
  count: number,
  { variant_id, quantity = 1, tag }: { variant_id: string; quantity?: number; tag: string }
) {
  return await inBatches(Array.from({ length: count }, (_, i) => i), 4, (i) =>
    prepareCart(ctx.shops[i % ctx.shops.length], ctx.shop, {
      items: [{ variant_id, quantity }],
      // One guest per customer: Medusa creates guests racily otherwise.
      email: `${tag}-${process.pid}-${i}@stockroom-scale.test`,
    })
  )
}

/** Completes every cart at the same moment, alternating servers. */
export async function completeAtOnce(ctx: ScaleContext, cartIds: string[]): Promise<Response[]> {
  return await Promise.all(
    cartIds.map((id, i) =>
      ctx.shops[i % ctx.shops.length].request("POST", `/store/carts/${id}/complete`, {})
    )
  )
}

export async function stockItemId(ctx: ScaleContext, inventoryItemId: string) {
  const { stock_items } = await ctx.admins[0].ok(
    "GET",
    `/admin/stock-items?inventory_item_id=${inventoryItemId}&location_id=${ctx.shop.location_id}`
  )
  if (stock_items.length !== 1) {
    throw new Error(`expected one stock item for ${inventoryItemId}, got ${stock_items.length}`)
  }
  return stock_items[0].id as string
}

/** Waits for a clean audit (the worker ledgers Medusa's own changes a moment later). */
export async function cleanAudit(ctx: ScaleContext, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs
  let audit: any
  while (Date.now() < deadline) {
    audit = await ctx.admins[0].ok("GET", "/admin/stockroom/audit")
    if (audit.ok) {
      return audit
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return audit
}

// Reads from the shared database.

export async function movements(ctx: ScaleContext, stockItemId: string) {
  const { rows } = await ctx.db.query(
    `SELECT id, kind, quantity::int, stocked_change::int, count_on_hand_after::int,
            stocked_after::int, sequence::int, originator_type, originator_id
       FROM stock_movement WHERE stock_item_id = $1 ORDER BY sequence`,
    [stockItemId]
  )
  return rows
}

export async function units(ctx: ScaleContext, inventoryItemId: string) {
  const { rows } = await ctx.db.query(
    `SELECT id, order_id, line_item_id, state, quantity::int, ordered_at
       FROM inventory_unit WHERE inventory_item_id = $1 AND deleted_at IS NULL
      ORDER BY ordered_at, id`,
    [inventoryItemId]
  )
  return rows
}

export async function level(ctx: ScaleContext, inventoryItemId: string) {
  const { rows } = await ctx.db.query(
    `SELECT stocked_quantity::int AS stocked, reserved_quantity::int AS reserved
       FROM inventory_level WHERE inventory_item_id = $1 AND location_id = $2 AND deleted_at IS NULL`,
    [inventoryItemId, ctx.shop.location_id]
  )
  return rows[0]
}

/** Units per state. */
export function totals(rows: { state: string; quantity: number }[]) {
  const sums: Record<string, number> = {}
  for (const row of rows) {
    sums[row.state] = (sums[row.state] ?? 0) + row.quantity
  }
  return sums
}

/**
 * Invariant 2 checked here as well: each movement's balances are the
 * running sums, sequences run 1..n without a gap.
 */
export function chainProblems(rows: any[]) {
  const problems: string[] = []
  let quantity = 0
  let stocked = 0
  rows.forEach((row, index) => {
    quantity += row.quantity
    stocked += row.stocked_change
    if (row.sequence !== index + 1) {
      problems.push(`movement ${row.id} has sequence ${row.sequence}, expected ${index + 1}`)
    }
    if (row.count_on_hand_after !== quantity || row.stocked_after !== stocked) {
      problems.push(
        `movement ${row.id} says ${row.count_on_hand_after}/${row.stocked_after}, running sums ${quantity}/${stocked}`
      )
    }
  })
  return problems
}
