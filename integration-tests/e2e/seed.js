/**
 * The smallest store the browser specs need, made through the admin API as
 * an admin would: two stock locations, one product with one managed variant
 * stocked at both (10 at the warehouse, 3 at the outlet — low stock).
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
  }
}

module.exports = { seed, adminApi }
