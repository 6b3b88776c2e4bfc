/**
 * A sellable store set up through Medusa's admin API, the same way in the
 * store with Stockroom and in the one without (as
 * integration-tests/helpers/commerce.ts does through Medusa's workflows):
 * a EUR region with the system payment provider, a sales channel with a
 * publishable key, one stock location in that channel with a shipping
 * option, and one published product whose variants each have their own
 * inventory item and a level at the location. Plus one customer checkout
 * through the store routes.
 */
const COUNTRY = "nl"

/**
 * @param {import("./store").BenchStore} store  started
 * @param {{key: string, stocked: number, variants?: number}[]} variants
 *   `variants: n`: n variants sharing ONE inventory item (Medusa's
 *   inventory kits with required_quantity 1), so that one order can hold
 *   n lines, each its own inventory unit, of the same stock item
 * @returns {Promise<object>} ids, the publishable key and per key
 *   {variant_id, variant_ids, inventory_item_id}
 */
async function setUpShop(store, variants) {
  const admin = store.client
  const { region } = await admin.ok("POST", "/admin/regions", {
    name: "Bench region",
    currency_code: "eur",
    countries: [COUNTRY],
    payment_providers: ["pp_system_default"],
  })
  const { sales_channel } = await admin.ok("POST", "/admin/sales-channels", { name: "Bench channel" })
  const { api_key } = await admin.ok("POST", "/admin/api-keys", {
    title: "Bench storefront",
    type: "publishable",
  })
  await admin.ok("POST", `/admin/api-keys/${api_key.id}/sales-channels`, { add: [sales_channel.id] })
  const { shipping_profile } = await admin.ok("POST", "/admin/shipping-profiles", {
    name: "Bench profile",
    type: "default",
  })
  const { stock_location } = await admin.ok("POST", "/admin/stock-locations", {
    name: "Bench warehouse",
  })
  const location_id = stock_location.id
  await admin.ok("POST", `/admin/stock-locations/${location_id}/sales-channels`, {
    add: [sales_channel.id],
  })
  await admin.ok("POST", `/admin/stock-locations/${location_id}/fulfillment-providers`, {
    add: ["manual_manual"],
  })
  const {
    stock_location: { fulfillment_sets },
  } = await admin.ok(
    "POST",
    `/admin/stock-locations/${location_id}/fulfillment-sets?fields=id,*fulfillment_sets`,
    { name: "Bench delivery", type: "shipping" }
  )
  const {
    fulfillment_set: { service_zones },
  } = await admin.ok("POST", `/admin/fulfillment-sets/${fulfillment_sets[0].id}/service-zones`, {
    name: "Bench zone",
    geo_zones: [{ type: "country", country_code: COUNTRY }],
  })
  const { shipping_option } = await admin.ok("POST", "/admin/shipping-options", {
    name: "Bench shipping",
    price_type: "flat",
    provider_id: "manual_manual",
    service_zone_id: service_zones[0].id,
    shipping_profile_id: shipping_profile.id,
    type: { label: "Standard", description: "", code: "standard" },
    prices: [{ currency_code: "eur", amount: 5 }],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" },
      { attribute: "is_return", value: "false", operator: "eq" },
    ],
  })
  const titles = []
  const productVariants = []
  for (const v of variants) {
    if (!v.variants) {
      titles.push(v.key)
      productVariants.push({
        title: v.key,
        sku: `BENCH-UNITS-${v.key.toUpperCase()}`,
        options: { Kind: v.key },
        manage_inventory: true,
        allow_backorder: true,
        prices: [{ currency_code: "eur", amount: 10 }],
      })
      continue
    }
    const { inventory_item } = await admin.ok("POST", "/admin/inventory-items", {
      sku: `BENCH-UNITS-${v.key.toUpperCase()}`,
      title: `Bench ${v.key}`,
    })
    v.inventory_item_id = inventory_item.id
    for (let i = 1; i <= v.variants; i++) {
      titles.push(`${v.key}-${i}`)
      productVariants.push({
        title: `${v.key}-${i}`,
        options: { Kind: `${v.key}-${i}` },
        manage_inventory: true,
        allow_backorder: true,
        inventory_items: [{ inventory_item_id: inventory_item.id, required_quantity: 1 }],
        prices: [{ currency_code: "eur", amount: 10 }],
      })
    }
  }
  const { product } = await admin.ok("POST", "/admin/products?fields=id,*variants", {
    title: "Bench product",
    status: "published",
    shipping_profile_id: shipping_profile.id,
    sales_channels: [{ id: sales_channel.id }],
    options: [{ title: "Kind", values: titles }],
    variants: productVariants,
  })
  // Stockroom gives the new inventory items a level at the location in the
  // background; let that finish before setting levels, in both stores alike.
  await store.quiet("after creating the product")
  const byKey = {}
  for (const wanted of variants) {
    const variant_ids = wanted.variants
      ? product.variants.filter((v) => v.title.startsWith(`${wanted.key}-`)).map((v) => v.id)
      : [product.variants.find((v) => v.title === wanted.key).id]
    const { rows: links } = await store.db.query(
      `SELECT DISTINCT inventory_item_id FROM product_variant_inventory_item
        WHERE variant_id = ANY($1) AND deleted_at IS NULL`,
      [variant_ids]
    )
    if (links.length !== 1 || (wanted.variants && links[0].inventory_item_id !== wanted.inventory_item_id)) {
      throw new Error(`variants ${wanted.key} link to ${JSON.stringify(links)}, expected one inventory item`)
    }
    const inventory_item_id = links[0].inventory_item_id
    const { rows: levels } = await store.db.query(
      `SELECT id FROM inventory_level
        WHERE inventory_item_id = $1 AND location_id = $2 AND deleted_at IS NULL`,
      [inventory_item_id, location_id]
    )
    if (levels.length) {
      await admin.ok(
        "POST",
        `/admin/inventory-items/${inventory_item_id}/location-levels/${location_id}`,
        { stocked_quantity: wanted.stocked }
      )
    } else {
      await admin.ok("POST", `/admin/inventory-items/${inventory_item_id}/location-levels`, {
        location_id,
        stocked_quantity: wanted.stocked,
      })
    }
    byKey[wanted.key] = { variant_id: variant_ids[0], variant_ids, inventory_item_id }
  }
  await store.quiet("after setting the levels")
  return {
    region_id: region.id,
    sales_channel_id: sales_channel.id,
    location_id,
    shipping_option_id: shipping_option.id,
    shipping_profile_id: shipping_profile.id,
    publishable_key: api_key.token,
    variants: byKey,
  }
}

async function step(shop, what, path, body) {
  const response = await shop.request("POST", path, body)
  if (response.status < 200 || response.status >= 300) {
    const detail = typeof response.body === "string" ? response.body : JSON.stringify(response.body)
    throw new Error(`${what} → ${response.status}: ${String(detail).slice(0, 300)}`)
  }
  return response
}

/**
 * One guest checkout through the store routes: cart (with email and
 * address), add to cart, shipping method, payment collection + system
 * session, (with `hold`, POST /store/carts/:id/stock-hold,) complete.
 * Resolves with the add-to-cart, hold and complete times
 * (ms), the whole sequence's time and the order id. `items` instead of
 * variant_id + quantity: the cart is created with these lines (no
 * add-to-cart request; addMs is 0).
 */
async function checkout(shop, setup, { variant_id, quantity, items, email, hold = false }) {
  const started = process.hrtime.bigint()
  const {
    body: { cart },
  } = await step(shop, "POST /store/carts", "/store/carts", {
    region_id: setup.region_id,
    sales_channel_id: setup.sales_channel_id,
    email,
    ...(items ? { items } : {}),
    shipping_address: {
      first_name: "Bench",
      last_name: "Customer",
      address_1: "Street 1",
      city: "Amsterdam",
      postal_code: "1000 AA",
      country_code: COUNTRY,
    },
  })
  const add = items
    ? { ms: 0 }
    : await step(shop, "add to cart", `/store/carts/${cart.id}/line-items`, { variant_id, quantity })
  await step(shop, "shipping method", `/store/carts/${cart.id}/shipping-methods`, {
    option_id: setup.shipping_option_id,
  })
  const {
    body: { payment_collection },
  } = await step(shop, "payment collection", "/store/payment-collections", { cart_id: cart.id })
  await step(
    shop,
    "payment session",
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" }
  )
  // The storefront of a store with checkout holds on holds the cart's stock
  // as the customer starts to pay.
  const held = hold ? await step(shop, "stock hold", `/store/carts/${cart.id}/stock-hold`, {}) : { ms: 0 }
  const complete = await step(shop, "complete", `/store/carts/${cart.id}/complete`, {})
  if (complete.body?.type !== "order") {
    throw new Error(`checkout did not complete: ${JSON.stringify(complete.body).slice(0, 300)}`)
  }
  return {
    addMs: add.ms,
    holdMs: held.ms,
    completeMs: complete.ms,
    timedMs: add.ms + complete.ms,
    totalMs: Number(process.hrtime.bigint() - started) / 1e6,
    order_id: complete.body.order.id,
  }
}

/**
 * Migrates and starts `stores` (one migration each at once, then one boot
 * each at once: the machine has two cores), then sets each up with
 * setUpShop once it is idle. Resolves with one {store, setup, shop} per
 * store, `shop` a client for its store routes (close() it when done).
 */
async function openShops(stores, variants, log) {
  await Promise.all(stores.map((store) => store.prepare()))
  await Promise.all(stores.map((store) => store.start()))
  log("setting up the shop (region, channel, key, location, shipping, product) in each store")
  const sides = []
  for (const store of stores) {
    await store.quiet("after boot")
    const setup = await setUpShop(store, variants)
    sides.push({ store, setup, shop: store.storefront(setup.publishable_key) })
  }
  return sides
}

module.exports = { setUpShop, openShops, checkout }
