/**
 * Checkout holds in the admin: a guest cart holds stock through the store
 * route (POST /store/carts/:id/stock-hold), and the variant page and the
 * location page show it in the Held column; released, it is gone. The e2e
 * store runs with checkout_hold_minutes set (scripts/lib/e2e-store.js).
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")

const TIMEOUT = 60000

async function storeCall(baseUrl, publishableKey, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`${method} ${path} → ${response.status}: ${text}`)
  }
  return JSON.parse(text)
}

/** A mug in the storefront's channel, 4 in stock at the warehouse (its own product: the other specs' numbers stay). */
async function seedMug(api, data) {
  const { commerce } = data.backordered
  const sku = `E2E-MUG-${Date.now().toString(36)}`.toUpperCase()
  const { product } = await api.must("POST", "/admin/products?fields=*variants", {
    title: "E2E Mug",
    status: "published",
    shipping_profile_id: commerce.shippingProfileId,
    sales_channels: [{ id: commerce.salesChannelId }],
    options: [{ title: "Color", values: ["Blue"] }],
    variants: [
      { title: "Blue", sku, manage_inventory: true, options: { Color: "Blue" }, prices: [{ currency_code: "eur", amount: 12 }] },
    ],
  })
  const variant = product.variants[0]
  const { inventory_items } = await api.must("GET", `/admin/inventory-items?sku=${encodeURIComponent(sku)}`)
  const item = inventory_items[0]
  // Stockroom stocks the new item at every location a moment later; then 4 at the warehouse.
  const deadline = Date.now() + 60000
  let stockItem
  while (Date.now() < deadline && !stockItem) {
    const { inventory_levels } = await api.must("GET", `/admin/inventory-items/${item.id}/location-levels`)
    if (inventory_levels.some((level) => level.location_id === data.warehouse.id)) {
      const { stock_items } = await api.must(
        "GET",
        `/admin/stock-items?inventory_item_id=${item.id}&location_id=${data.warehouse.id}`
      )
      stockItem = stock_items[0]
    }
    if (!stockItem) {
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  if (!stockItem) {
    throw new Error(`Stockroom did not stock ${item.id} at the warehouse within 60 s`)
  }
  await api.must("POST", `/admin/stock-movements`, { stock_item_id: stockItem.id, quantity: 4, reason: "Received" })
  return { product, variant, item, stockItem, commerce }
}

module.exports = (test) => {
  test("a cart's checkout hold shows as Held on the variant and location pages, and goes when released", async ({ page, baseUrl, data, api, screenshot }) => {
    const { options } = await api.must("GET", "/admin/stockroom")
    assert.ok(options.checkout_hold_minutes > 0, "the e2e store runs with checkout holds on")
    const mug = await seedMug(api, data)
    const store = (method, path, body) => storeCall(baseUrl, mug.commerce.publishableKey, method, path, body)
    const { cart } = await store("POST", "/store/carts", {
      region_id: mug.commerce.regionId,
      sales_channel_id: mug.commerce.salesChannelId,
      email: "holder@stockroom.test",
    })
    await store("POST", `/store/carts/${cart.id}/line-items`, { variant_id: mug.variant.id, quantity: 3 })
    const { stock_hold } = await store("POST", `/store/carts/${cart.id}/stock-hold`, {})
    assert.equal(stock_hold.items[0].held, 3)

    try {
      await page.goto(`${baseUrl}/app/products/${mug.product.id}/variants/${mug.variant.id}`)
      const widget = page.getByTestId("stockroom-item-stock")
      await widget.waitFor({ timeout: TIMEOUT })
      const row = widget.locator(`tr[data-stock-item-id="${mug.stockItem.id}"]`)
      await row.locator('[data-column="held"]', { hasText: "3" }).waitFor({ timeout: TIMEOUT })
      // Holds stand beside the counts: on hand and count on hand stay 4.
      assert.equal((await row.locator('[data-column="on_hand"]').innerText()).trim(), "4")
      assert.match((await row.locator('[data-column="count_on_hand"]').innerText()).trim(), /4$/)
      await screenshot("held-variant-widget", widget)

      await page.goto(`${baseUrl}/app/settings/locations/${data.warehouse.id}`)
      const stock = page.getByTestId("stockroom-location-stock")
      await stock.waitFor({ timeout: TIMEOUT })
      const locationRow = stock.locator(`tr[data-stock-item-id="${mug.stockItem.id}"]`)
      await locationRow.locator('[data-column="held"]', { hasText: "3" }).waitFor({ timeout: TIMEOUT })
      await stock.scrollIntoViewIfNeeded()
      await screenshot("held-location-stock", stock)
    } finally {
      await store("DELETE", `/store/carts/${cart.id}/stock-hold`)
    }

    await page.goto(`${baseUrl}/app/products/${mug.product.id}/variants/${mug.variant.id}`)
    const row = page.getByTestId("stockroom-item-stock").locator(`tr[data-stock-item-id="${mug.stockItem.id}"]`)
    await row.locator('[data-column="held"]', { hasText: "0" }).waitFor({ timeout: TIMEOUT })
  })
}
