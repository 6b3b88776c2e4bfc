/**
 * The smallest store the browser specs need, made through the admin API as
 * an admin would: two stock locations, one product with one managed variant
 * stocked at both (10 at the warehouse, 3 at the outlet — low stock), a
 * customer's order that is partly backordered (see seedBackorderedOrder) and
 * one that has shipped (see seedShippedOrder); with Medusa's rbac flag on, a
 * read-only user (see seedReader).
 */

async function adminApi(baseUrl, email, password) {
  const login = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  if (!login.ok) {
    throw new Error(`admin login failed: ${login.status} ${await login.text()}`)
  }
  const { token } = await login.json()
  const request = async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const isJson = (response.headers.get("content-type") || "").includes("json")
    const json = isJson && text ? JSON.parse(text) : {}
    return { status: response.status, body: json, headers: response.headers, text }
  }
  const must = async (method, path, body) => {
    const response = await request(method, path, body)
    if (response.status >= 300) {
      throw new Error(`${method} ${path} → ${response.status}: ${response.text}`)
    }
    return response.body
  }
  return { request, must }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` until it returns something truthy, or fails naming `what`. */
async function waitFor(check, what, timeout = 60000) {
  const deadline = Date.now() + timeout
  let last
  while (Date.now() < deadline) {
    last = await check()
    if (last) {
      return last
    }
    await sleep(500)
  }
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}`)
}

const COUNTRY = "nl"

/**
 * What a checkout needs, as integration-tests/helpers/commerce.ts seeds it
 * but over HTTP: a EUR region with the system payment provider, a sales
 * channel with a publishable key, the location in that channel with a
 * manual shipping option, and a shipping profile for products.
 */
async function seedCommerce(api, location, suffix) {
  const { region } = await api.must("POST", "/admin/regions", {
    name: "E2E Region",
    currency_code: "eur",
    countries: [COUNTRY],
    payment_providers: ["pp_system_default"],
  })
  const { sales_channel: salesChannel } = await api.must("POST", "/admin/sales-channels", {
    name: "E2E Storefront",
  })
  const { api_key: apiKey } = await api.must("POST", "/admin/api-keys", {
    title: "E2E storefront",
    type: "publishable",
  })
  await api.must("POST", `/admin/api-keys/${apiKey.id}/sales-channels`, {
    add: [salesChannel.id],
  })
  await api.must("POST", `/admin/stock-locations/${location.id}/sales-channels`, {
    add: [salesChannel.id],
  })
  await api.must("POST", `/admin/stock-locations/${location.id}/fulfillment-providers`, {
    add: ["manual_manual"],
  })
  const { stock_location: withSet } = await api.must(
    "POST",
    `/admin/stock-locations/${location.id}/fulfillment-sets?fields=*fulfillment_sets`,
    { name: `E2E delivery ${suffix}`, type: "shipping" }
  )
  const { fulfillment_set: fulfillmentSet } = await api.must(
    "POST",
    `/admin/fulfillment-sets/${withSet.fulfillment_sets[0].id}/service-zones?fields=*service_zones`,
    { name: "E2E Netherlands", geo_zones: [{ type: "country", country_code: COUNTRY }] }
  )
  const { shipping_profile: shippingProfile } = await api.must(
    "POST",
    "/admin/shipping-profiles",
    { name: `E2E profile ${suffix}`, type: "default" }
  )
  const { shipping_option: shippingOption } = await api.must("POST", "/admin/shipping-options", {
    name: "E2E Standard",
    service_zone_id: fulfillmentSet.service_zones[0].id,
    shipping_profile_id: shippingProfile.id,
    provider_id: "manual_manual",
    price_type: "flat",
    type: { label: "Standard", description: "", code: "standard" },
    prices: [{ currency_code: "eur", amount: 5 }],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" },
      { attribute: "is_return", value: "false", operator: "eq" },
    ],
  })
  return {
    regionId: region.id,
    salesChannelId: salesChannel.id,
    shippingProfileId: shippingProfile.id,
    shippingOptionId: shippingOption.id,
    publishableKey: apiKey.token,
  }
}

/** A guest's checkout through Medusa's store routes; returns the order. */
async function placeOrder(baseUrl, commerce, items, email) {
  const call = async (path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-publishable-api-key": commerce.publishableKey,
      },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new Error(`POST ${path} → ${response.status}: ${text}`)
    }
    return JSON.parse(text)
  }
  const { cart } = await call("/store/carts", {
    region_id: commerce.regionId,
    sales_channel_id: commerce.salesChannelId,
    email,
    shipping_address: {
      first_name: "Erin",
      last_name: "Example",
      address_1: "Damrak 1",
      city: "Amsterdam",
      postal_code: "1012 LG",
      country_code: COUNTRY,
    },
  })
  for (const item of items) {
    await call(`/store/carts/${cart.id}/line-items`, item)
  }
  await call(`/store/carts/${cart.id}/shipping-methods`, { option_id: commerce.shippingOptionId })
  const { payment_collection } = await call("/store/payment-collections", { cart_id: cart.id })
  await call(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  const completed = await call(`/store/carts/${cart.id}/complete`, {})
  if (completed.type !== "order") {
    throw new Error(`checkout did not complete: ${JSON.stringify(completed.error ?? completed)}`)
  }
  return completed.order
}

/**
 * An order partly backordered: a hoodie (Medusa's allow_backorder on,
 * backorderable at the warehouse) with 2 in stock, and a customer buying 3 —
 * so Stockroom records 2 units on hand and 1 backordered. Its own product,
 * so the Tee's numbers the other specs check stay as they are.
 */
async function seedBackorderedOrder(baseUrl, api, warehouse, suffix) {
  const commerce = await seedCommerce(api, warehouse, suffix)
  const sku = `E2E-HOODIE-${suffix}`.toUpperCase()
  const { product } = await api.must("POST", "/admin/products?fields=*variants", {
    title: "E2E Hoodie",
    status: "published",
    shipping_profile_id: commerce.shippingProfileId,
    sales_channels: [{ id: commerce.salesChannelId }],
    options: [{ title: "Size", values: ["L"] }],
    variants: [
      {
        title: "L",
        sku,
        manage_inventory: true,
        allow_backorder: true,
        options: { Size: "L" },
        prices: [{ currency_code: "eur", amount: 45 }],
      },
    ],
  })
  const variant = product.variants[0]
  const { inventory_items } = await api.must(
    "GET",
    `/admin/inventory-items?sku=${encodeURIComponent(sku)}`
  )
  const inventoryItem = inventory_items[0]
  await waitFor(async () => {
    const { inventory_levels } = await api.must(
      "GET",
      `/admin/inventory-items/${inventoryItem.id}/location-levels`
    )
    return inventory_levels.some((level) => level.location_id === warehouse.id)
  }, `Stockroom to stock ${inventoryItem.id} at the warehouse`, 30000)
  await api.must(
    "POST",
    `/admin/inventory-items/${inventoryItem.id}/location-levels/${warehouse.id}`,
    { stocked_quantity: 2 }
  )
  const stockItem = await waitFor(async () => {
    const { stock_items } = await api.must(
      "GET",
      `/admin/stock-items?inventory_item_id=${inventoryItem.id}&location_id=${warehouse.id}`
    )
    return stock_items.find((item) => item.on_hand === 2)
  }, `the hoodie's warehouse stock item to show 2 on hand`)
  await api.must("POST", `/admin/stock-items/${stockItem.id}`, { backorderable: true })

  const email = `erin-${suffix}@stockroom-e2e.test`
  const order = await placeOrder(baseUrl, commerce, [{ variant_id: variant.id, quantity: 3 }], email)
  // Stockroom records the units from the order event, a moment later.
  const units = await waitFor(async () => {
    const body = await api.must("GET", `/admin/orders/${order.id}/inventory-units`)
    return body.totals.on_hand === 2 && body.totals.backordered === 1 ? body : null
  }, `order ${order.id} to have 2 units on hand and 1 backordered`)
  return {
    order,
    email,
    lineItemId: order.items[0].id,
    product,
    variant,
    sku,
    inventoryItem,
    stockItem,
    units: units.inventory_units,
    commerce,
  }
}

/**
 * An order that has shipped, for the return authorization spec: 2 jackets
 * (4 in stock at the warehouse), the payment captured and both fulfilled —
 * so Stockroom holds 2 shipped units. Its own product, so the other specs'
 * numbers stay as they are.
 */
async function seedShippedOrder(baseUrl, api, warehouse, commerce, suffix) {
  const sku = `E2E-JACKET-${suffix}`.toUpperCase()
  const { product } = await api.must("POST", "/admin/products?fields=*variants", {
    title: "E2E Jacket",
    status: "published",
    shipping_profile_id: commerce.shippingProfileId,
    sales_channels: [{ id: commerce.salesChannelId }],
    options: [{ title: "Size", values: ["M"] }],
    variants: [
      {
        title: "M",
        sku,
        manage_inventory: true,
        options: { Size: "M" },
        prices: [{ currency_code: "eur", amount: 60 }],
      },
    ],
  })
  const variant = product.variants[0]
  const { inventory_items } = await api.must(
    "GET",
    `/admin/inventory-items?sku=${encodeURIComponent(sku)}`
  )
  const inventoryItem = inventory_items[0]
  await waitFor(async () => {
    const { stock_items } = await api.must(
      "GET",
      `/admin/stock-items?inventory_item_id=${inventoryItem.id}&location_id=${warehouse.id}`
    )
    return stock_items[0]
  }, `Stockroom to stock ${inventoryItem.id} at the warehouse`, 30000)
  await api.must("POST", "/admin/stock-movements", {
    inventory_item_id: inventoryItem.id,
    location_id: warehouse.id,
    quantity: 4,
    reason: "Received",
  })
  const email = `finn-${suffix}@stockroom-e2e.test`
  const order = await placeOrder(baseUrl, commerce, [{ variant_id: variant.id, quantity: 2 }], email)
  const lineItemId = order.items[0].id
  await waitFor(async () => {
    const body = await api.must("GET", `/admin/orders/${order.id}/inventory-units`)
    return body.totals.on_hand === 2
  }, `order ${order.id} to have 2 units on hand`)
  const { order: withPayments } = await api.must(
    "GET",
    `/admin/orders/${order.id}?fields=id,payment_collections.payments.id`
  )
  const paymentId = withPayments.payment_collections[0].payments[0].id
  await api.must("POST", `/admin/payments/${paymentId}/capture`, {})
  await api.must("POST", `/admin/orders/${order.id}/fulfillments`, {
    items: [{ id: lineItemId, quantity: 2 }],
    location_id: warehouse.id,
  })
  await waitFor(async () => {
    const body = await api.must("GET", `/admin/orders/${order.id}/inventory-units`)
    return body.totals.shipped === 2
  }, `order ${order.id} to have 2 units shipped`)
  return { order, email, lineItemId, sku, variant, inventoryItem, paymentId }
}

/**
 * With Medusa's rbac flag on: a read-only user, invited and signed up as an
 * admin would add a colleague. Their one role holds every `read` policy,
 * Medusa's (to open products, variants and inventory) and Stockroom's, except
 * purchase orders: they see stock and the ledger, change nothing, and the
 * purchase orders page is closed to them. Null with the flag off.
 */
async function seedReader(baseUrl, api) {
  const { feature_flags } = await api.must("GET", "/admin/feature-flags")
  if (!feature_flags.rbac) {
    return null
  }
  const reader = { email: "reader@stockroom-e2e.test", password: "stockroom-e2e-reader" }
  const { policies } = await api.must(
    "GET",
    "/admin/rbac/policies?limit=1000&fields=id,resource,operation"
  )
  const policyIds = policies
    .filter((policy) => policy.operation === "read" && policy.resource !== "stockroom_purchase_order")
    .map((policy) => policy.id)
  const { role } = await api.must("POST", "/admin/rbac/roles", {
    name: "Stock viewer",
    policy_ids: policyIds,
  })
  const { invite } = await api.must("POST", "/admin/invites", {
    email: reader.email,
    roles: [role.id],
  })
  const registered = await fetch(`${baseUrl}/auth/user/emailpass/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(reader),
  })
  if (!registered.ok) {
    throw new Error(`registering ${reader.email} failed: ${registered.status} ${await registered.text()}`)
  }
  const { token } = await registered.json()
  const accepted = await fetch(
    `${baseUrl}/admin/invites/accept?token=${encodeURIComponent(invite.token)}`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ first_name: "Robin", last_name: "Reader" }),
    }
  )
  if (!accepted.ok) {
    throw new Error(`accepting the invite of ${reader.email} failed: ${accepted.status} ${await accepted.text()}`)
  }
  return { ...reader, roleId: role.id, policyCount: policyIds.length }
}

async function seed(baseUrl, admin) {
  const api = await adminApi(baseUrl, admin.email, admin.password)
  const suffix = Date.now().toString(36)
  const { stock_location: warehouse } = await api.must("POST", "/admin/stock-locations", {
    name: "E2E Warehouse",
  })
  const { stock_location: outlet } = await api.must("POST", "/admin/stock-locations", {
    name: "E2E Outlet",
  })
  const sku = `E2E-TEE-${suffix}`.toUpperCase()
  const { product } = await api.must("POST", "/admin/products?fields=*variants", {
    title: "E2E Tee",
    status: "published",
    options: [{ title: "Size", values: ["M"] }],
    variants: [
      {
        title: "M",
        sku,
        manage_inventory: true,
        options: { Size: "M" },
        prices: [{ currency_code: "eur", amount: 20 }],
      },
    ],
  })
  const variant = product.variants[0]
  const { inventory_items } = await api.must(
    "GET",
    `/admin/inventory-items?sku=${encodeURIComponent(sku)}`
  )
  const inventoryItem = inventory_items[0]
  if (!inventoryItem) {
    throw new Error(`no inventory item was created for variant ${variant.id}`)
  }
  // Stockroom stocks the new item at every location (propagate_all_variants)
  // from the inventory-item event, a moment after the product exists: wait
  // for those levels instead of racing them with a create of our own.
  const wanted = [
    { location_id: warehouse.id, stocked_quantity: 10 },
    { location_id: outlet.id, stocked_quantity: 3 },
  ]
  let existing = new Set()
  const levelsDeadline = Date.now() + 30000
  while (Date.now() < levelsDeadline) {
    const { inventory_levels } = await api.must(
      "GET",
      `/admin/inventory-items/${inventoryItem.id}/location-levels`
    )
    existing = new Set(inventory_levels.map((level) => level.location_id))
    if (wanted.every((level) => existing.has(level.location_id))) {
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const missing = wanted.filter((level) => !existing.has(level.location_id))
  if (missing.length) {
    throw new Error(
      `Stockroom did not stock ${inventoryItem.id} at ${missing.map((level) => level.location_id).join(", ")} within 30 s`
    )
  }
  for (const level of wanted.filter((entry) => existing.has(entry.location_id))) {
    await api.must(
      "POST",
      `/admin/inventory-items/${inventoryItem.id}/location-levels/${level.location_id}`,
      { stocked_quantity: level.stocked_quantity }
    )
  }
  // Stockroom makes the stock items from the level events, asynchronously.
  const deadline = Date.now() + 60000
  let stockItems = []
  while (Date.now() < deadline) {
    const { stock_items } = await api.must(
      "GET",
      `/admin/stock-items?inventory_item_id=${inventoryItem.id}`
    )
    stockItems = stock_items
    if (stockItems.length === 2 && stockItems.every((item) => item.on_hand > 0) &&
      stockItems.every((item) => item.on_hand === (item.location_id === warehouse.id ? 10 : 3))) {
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  if (stockItems.length !== 2) {
    throw new Error(`expected 2 stock items, found ${stockItems.length}`)
  }
  // Known starting point whatever the location defaults are: no backorders.
  for (const item of stockItems) {
    await api.must("POST", `/admin/stock-items/${item.id}`, { backorderable: false })
  }
  const byLocation = Object.fromEntries(stockItems.map((item) => [item.location_id, item]))
  const backordered = await seedBackorderedOrder(baseUrl, api, warehouse, suffix)
  const shipped = await seedShippedOrder(baseUrl, api, warehouse, backordered.commerce, suffix)
  const reader = await seedReader(baseUrl, api)
  return {
    api,
    product,
    variant,
    inventoryItem,
    sku,
    warehouse,
    outlet,
    warehouseItem: byLocation[warehouse.id],
    outletItem: byLocation[outlet.id],
    backordered,
    shipped,
    reader,
  }
}

module.exports = { seed, adminApi, placeOrder, waitFor }
