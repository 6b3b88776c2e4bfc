/**
 * The order page's inventory units and the Backorders page, against the
 * partly backordered order seed.js places through the store API
 * (3 hoodies ordered, 2 in stock at the warehouse).
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")

const TIMEOUT = 60000

module.exports = (test) => {
  test("order page shows the inventory units by line and the backorder banner", async ({ page, baseUrl, data, api, screenshot }) => {
    const { order, lineItemId } = data.backordered
    const { options } = await api.must("GET", "/admin/stockroom")
    await page.goto(`${baseUrl}/app/orders/${order.id}`)
    const widget = page.getByTestId("stockroom-order-units")
    await widget.waitFor({ timeout: TIMEOUT })
    const line = widget.locator(`[data-line-item-id="${lineItemId}"]`)
    await line.waitFor({ timeout: TIMEOUT })
    await line.getByText("E2E Hoodie").first().waitFor()
    await line.getByText(data.backordered.sku, { exact: false }).first().waitFor()

    const onHand = line.locator('tr[data-state="on_hand"]')
    const backordered = line.locator('tr[data-state="backordered"]')
    await onHand.first().waitFor({ timeout: TIMEOUT })
    const quantities = async (rows) => {
      let total = 0
      for (const row of await rows.all()) {
        total += Number((await row.locator('[data-column="quantity"]').innerText()).trim())
      }
      return total
    }
    assert.equal(await quantities(onHand), 2, "2 units on hand")
    assert.equal(await quantities(backordered), 1, "1 unit backordered")
    await onHand.first().getByText("On hand").waitFor()
    await backordered.first().getByText("Backordered").waitFor()
    await onHand.first().getByText("E2E Warehouse").waitFor()

    const banner = widget.getByTestId("stockroom-backorder-banner")
    await banner.getByText("1 unit is backordered").waitFor()
    await banner.getByText(/1 × E2E Hoodie/).waitFor()
    if (!options.allow_backorder_shipping) {
      await banner.getByText(/will be refused until stock arrives/).waitFor()
    }
    await banner.getByText(/oldest order first/).waitFor()
    await screenshot("order-widget", widget)
    await screenshot("order-page")
  })

  test("Backorders page lists the order's backordered unit and links to the order", async ({ page, baseUrl, data, screenshot }) => {
    const { order, email, sku } = data.backordered
    await page.goto(`${baseUrl}/app/orders`)
    await page.getByRole("link", { name: "Backorders" }).click()
    await page.waitForURL(/\/app\/backorders/)
    const table = page.getByTestId("backorders-table")
    await table.waitFor({ timeout: TIMEOUT })
    const row = table.locator(`tr[data-order-id="${order.id}"]`)
    await row.waitFor({ timeout: TIMEOUT })
    await row.getByText(email).waitFor()
    await row.getByText("E2E Hoodie").waitFor()
    await row.getByText(sku, { exact: false }).waitFor()
    await row.getByText("E2E Warehouse").waitFor()
    assert.equal((await row.locator('[data-column="quantity"]').innerText()).trim(), "1")
    await screenshot("backorders-page")

    // Filtering by a location with no backorders shows the designed empty state.
    await page.getByRole("combobox", { name: "Location" }).click()
    await page.getByRole("option", { name: "E2E Outlet" }).click()
    await page.waitForURL(/location_id=/)
    await page.getByText("No backorders at this location").waitFor({ timeout: TIMEOUT })
    await screenshot("backorders-page-empty")

    await page.getByRole("combobox", { name: "Location" }).click()
    await page.getByRole("option", { name: "E2E Warehouse" }).click()
    await row.waitFor({ timeout: TIMEOUT })
    await row.getByRole("link", { name: `#${order.display_id}` }).click()
    await page.waitForURL(new RegExp(`/app/orders/${order.id}`))
    await page.getByTestId("stockroom-order-units").waitFor({ timeout: TIMEOUT })
  })
}
