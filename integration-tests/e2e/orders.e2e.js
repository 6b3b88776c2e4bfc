/**
 * The order page's inventory units and the Backorders page, against the
 * partly backordered order seed.js places through the store API
 * (3 hoodies ordered, 2 in stock at the warehouse).
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")
const { pickFilter } = require("./data-table")

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
    // Stockroom's pages sit under Inventory in the sidebar.
    await page.goto(`${baseUrl}/app/inventory`)
    await page.getByRole("link", { name: "Backorders" }).click()
    await page.waitForURL(/\/app\/backorders/)
    const table = page.getByTestId("backorders-table")
    await table.waitFor({ timeout: TIMEOUT })
    const row = table.locator(`tr:has([data-order-id="${order.id}"])`)
    await row.waitFor({ timeout: TIMEOUT })
    await row.getByText(email).waitFor()
    await row.getByText("E2E Hoodie").waitFor()
    await row.getByText(sku, { exact: false }).waitFor()
    await row.getByText("E2E Warehouse").waitFor()
    assert.equal((await row.locator('[data-column="quantity"]').innerText()).trim(), "1")
    await screenshot("backorders-page")

    // Filtering by a location with no backorders shows the designed empty state.
    await pickFilter(page, "Location", "E2E Outlet")
    await page.waitForURL(/location_id=/)
    await page.getByText("No backorders at this location").waitFor({ timeout: TIMEOUT })
    await screenshot("backorders-page-empty")

    await pickFilter(page, "Location", "E2E Warehouse")
    await row.waitFor({ timeout: TIMEOUT })
    await row.getByRole("link", { name: `#${order.display_id}` }).click()
    await page.waitForURL(new RegExp(`/app/orders/${order.id}`))
    await page.getByTestId("stockroom-order-units").waitFor({ timeout: TIMEOUT })
  })

  test("order page authorizes a return with a custom credit and receives it", async ({ page, baseUrl, data, api, screenshot }) => {
    const { order, lineItemId, inventoryItem } = data.shipped
    await page.goto(`${baseUrl}/app/orders/${order.id}`)
    const section = page.getByTestId("stockroom-return-authorizations")
    await section.waitFor({ timeout: TIMEOUT })
    await section.getByText("No return authorizations").waitFor({ timeout: TIMEOUT })
    await section.getByText("2 shipped units can be authorized for return").waitFor({ timeout: TIMEOUT })

    await section.getByRole("button", { name: "Create" }).click()
    const drawer = page.getByRole("dialog", { name: "Authorize return" })
    await drawer.waitFor({ timeout: TIMEOUT })
    // Submitting nothing names what is missing, and sends nothing.
    await drawer.getByRole("button", { name: "Authorize return" }).click()
    await drawer.getByText("Choose at least one unit to return").waitFor()
    await drawer.getByText("Give a reason").waitFor()

    const line = drawer.locator(`[data-line-item-id="${lineItemId}"]`)
    await line.getByText("2 shipped").waitFor()
    await line.getByLabel("Quantity to return: E2E Jacket").fill("3")
    await line.getByText("At most 2").waitFor()
    await line.getByLabel("Quantity to return: E2E Jacket").fill("1")
    const amount = drawer.getByLabel(/Credit/)
    // Prefilled with the jacket's sale price, then changed to a custom credit.
    await page.waitForFunction(
      (el) => Number(el.value) === 60,
      await amount.elementHandle(),
      { timeout: TIMEOUT }
    )
    await amount.fill("55")
    await drawer.getByLabel("Reason").fill("Too small")
    await drawer.getByRole("combobox", { name: "Receiving location" }).click()
    await page.getByRole("option", { name: "E2E Warehouse" }).click()
    await drawer.getByLabel(/Memo/).fill("Customer keeps the other one (e2e)")
    await screenshot("return-authorization-drawer", drawer)
    await drawer.getByRole("button", { name: "Authorize return" }).click()
    await page.locator("[data-sonner-toast]", { hasText: /RA-\d+ authorized/ }).first().waitFor({ timeout: TIMEOUT })
    await drawer.waitFor({ state: "hidden", timeout: TIMEOUT })

    const { return_authorizations: created } = await api.must(
      "GET",
      `/admin/return-authorizations?order_id=${order.id}`
    )
    assert.equal(created.length, 1, "one authorization")
    const authorization = created[0]
    assert.equal(authorization.amount, 55)
    assert.equal(authorization.state, "authorized")
    const row = section.locator(`[data-return-authorization-id="${authorization.id}"]`)
    await row.waitFor({ timeout: TIMEOUT })
    await row.getByText(authorization.number).waitFor()
    await row.getByText("Authorized", { exact: true }).waitFor()
    await row.getByText(/1 × E2E Jacket/).waitFor()
    await row.getByText("Too small").waitFor()
    await row.getByText(/55\.00/).waitFor()
    await screenshot("return-authorization-authorized", section)

    await row.getByRole("button", { name: "Receive" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`Receive ${authorization.number}?`).waitFor({ timeout: TIMEOUT })
    await prompt.getByRole("button", { name: "Receive" }).click()
    await page.locator("[data-sonner-toast]", { hasText: `${authorization.number} received` }).first().waitFor({ timeout: TIMEOUT })
    await section.locator(`[data-return-authorization-id="${authorization.id}"][data-state="received"]`).waitFor({ timeout: TIMEOUT })
    await row.getByText("Received", { exact: true }).waitFor()
    await row.getByText("items €60.00").waitFor()

    const { return_authorization: received } = await api.must(
      "GET",
      `/admin/return-authorizations/${authorization.id}`
    )
    assert.equal(received.state, "received")
    assert.deepEqual(
      received.movements.map((movement) => [movement.kind, movement.quantity, movement.inventory_item_id]),
      [["returned", 1, inventoryItem.id]]
    )
    const { order: credited } = await api.must("GET", `/admin/orders/${order.id}?fields=id,summary`)
    assert.equal(Number(credited.summary.pending_difference), -55, "55 owed to the customer")
    // The inventory units section shows the returned unit.
    await page.getByTestId("stockroom-order-units").locator('tr[data-state="returned"]').first().waitFor({ timeout: TIMEOUT })
    await screenshot("return-authorizations", section)
    await screenshot("order-page-returned")
    // Medusa's own order view: the return in the activity, the credit line
    // in the summary and 55 to refund in the payment section.
    await page.reload()
    await section.waitFor({ timeout: TIMEOUT })
    await screenshot("order-page-credit")
  })
}
