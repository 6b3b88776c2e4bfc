/**
 * "Move to location" on the order page: a lamp ordered while only the
 * warehouse (1 in stock) served the channel, so 1 unit is on hand there and
 * 1 backordered; the outlet then joins the channel with 5 lamps, and the
 * admin moves the line there — both units on hand at the outlet.
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")
const { placeOrder, waitFor } = require("./seed")

const TIMEOUT = 60000

async function seedLampOrder(baseUrl, api, data) {
  const { commerce } = data.backordered
  const { warehouse, outlet } = data
  const sku = `E2E-LAMP-${Date.now().toString(36)}`.toUpperCase()
  const { product } = await api.must("POST", "/admin/products?fields=*variants", {
    title: "E2E Lamp",
    status: "published",
    shipping_profile_id: commerce.shippingProfileId,
    sales_channels: [{ id: commerce.salesChannelId }],
    options: [{ title: "Colour", values: ["Brass"] }],
    variants: [
      {
        title: "Brass",
        sku,
        manage_inventory: true,
        allow_backorder: true,
        options: { Colour: "Brass" },
        prices: [{ currency_code: "eur", amount: 80 }],
      },
    ],
  })
  const { inventory_items } = await api.must("GET", `/admin/inventory-items?sku=${encodeURIComponent(sku)}`)
  const inventoryItem = inventory_items[0]
  const stockItems = await waitFor(async () => {
    const { stock_items } = await api.must("GET", `/admin/stock-items?inventory_item_id=${inventoryItem.id}`)
    return stock_items.length === 2 ? stock_items : null
  }, `Stockroom to stock ${inventoryItem.id} at both locations`)
  for (const item of stockItems) {
    await api.must("POST", `/admin/stock-items/${item.id}`, { backorderable: true })
  }
  await api.must("POST", "/admin/stock-movements", {
    inventory_item_id: inventoryItem.id,
    location_id: warehouse.id,
    quantity: 1,
    reason: "Received",
  })
  const order = await placeOrder(
    baseUrl,
    commerce,
    [{ variant_id: product.variants[0].id, quantity: 2 }],
    `gale-${sku.toLowerCase()}@stockroom-e2e.test`
  )
  await waitFor(async () => {
    const body = await api.must("GET", `/admin/orders/${order.id}/inventory-units`)
    return body.totals.on_hand === 1 && body.totals.backordered === 1
  }, `order ${order.id} to have 1 unit on hand and 1 backordered`)
  // The outlet joins the channel with the lamps the order needs.
  await api.must("POST", `/admin/stock-locations/${outlet.id}/sales-channels`, { add: [commerce.salesChannelId] })
  await api.must("POST", "/admin/stock-movements", {
    inventory_item_id: inventoryItem.id,
    location_id: outlet.id,
    quantity: 5,
    reason: "Received",
  })
  return { order, lineItemId: order.items[0].id, inventoryItem }
}

module.exports = (test) => {
  test("moves an order line to a location that has the goods", async ({ page, baseUrl, data, api, screenshot }) => {
    const { order, lineItemId } = await seedLampOrder(baseUrl, api, data)
    await page.goto(`${baseUrl}/app/orders/${order.id}`)
    const widget = page.getByTestId("stockroom-order-units")
    await widget.waitFor({ timeout: TIMEOUT })
    const line = widget.locator(`[data-line-item-id="${lineItemId}"]`)
    await line.waitFor({ timeout: TIMEOUT })
    await line.locator('tr[data-state="backordered"]').first().getByText("E2E Warehouse").waitFor({ timeout: TIMEOUT })

    await line.getByRole("button", { name: "Move to location" }).click()
    const drawer = page.getByRole("dialog", { name: "Move to location" })
    await drawer.waitFor({ timeout: TIMEOUT })
    const warehouseRow = drawer.locator(`[data-location-id="${data.warehouse.id}"]`)
    const outletRow = drawer.locator(`[data-location-id="${data.outlet.id}"]`)
    await warehouseRow.getByText("Current").waitFor({ timeout: TIMEOUT })
    assert.equal((await outletRow.locator('[data-column="sellable"]').innerText()).trim(), "5 sellable")
    await outletRow.getByText("All units on hand").waitFor()
    assert.ok(await warehouseRow.getByRole("radio").isDisabled(), "the current location cannot be chosen")

    // Confirming without a choice names what is missing and sends nothing.
    await drawer.getByRole("button", { name: "Move line" }).click()
    await drawer.getByText("Choose where the line goes").waitFor()

    await outletRow.getByRole("radio").click()
    await screenshot("move-to-location-drawer", drawer)
    await drawer.getByRole("button", { name: "Move line" }).click()
    await page.locator("[data-sonner-toast]", { hasText: "Line moved" }).first().waitFor({ timeout: TIMEOUT })
    await drawer.waitFor({ state: "hidden", timeout: TIMEOUT })

    // The section refreshes: both units on hand at the outlet.
    const onHand = line.locator('tr[data-state="on_hand"]')
    await onHand.first().getByText("E2E Outlet").waitFor({ timeout: TIMEOUT })
    assert.equal(await line.locator('tr[data-state="backordered"]').count(), 0, "nothing backordered any more")
    // The unit that was on hand and the one that was backordered stay two rows, both at the outlet.
    const quantities = await onHand.locator('[data-column="quantity"]').allInnerTexts()
    assert.equal(quantities.reduce((sum, text) => sum + Number(text.trim()), 0), 2)
    for (const row of await onHand.all()) {
      await row.getByText("E2E Outlet").waitFor({ timeout: TIMEOUT })
    }
    await screenshot("order-line-moved", widget)

    const { inventory_units } = await api.must("GET", `/admin/orders/${order.id}/inventory-units`)
    assert.deepEqual(
      inventory_units.map((unit) => [unit.location_id, unit.state]),
      inventory_units.map(() => [data.outlet.id, "on_hand"])
    )
    assert.equal(inventory_units.reduce((sum, unit) => sum + unit.quantity, 0), 2)
  })
}
