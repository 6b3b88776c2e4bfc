/**
 * Purchase orders against the partly backordered order seed.js places
 * (one hoodie backordered at the warehouse): create an order for hoodies
 * through the drawer, see the backorder dated by it, receive part of it and
 * see the state, the stock and the backorder filled.
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")
const { pickFilter } = require("./data-table")

const TIMEOUT = 60000
const EXPECTED = "2027-03-01"

module.exports = (test) => {
  test("purchase order: create with SKU search, date the backorder, receive partially", async ({ page, baseUrl, data, api, screenshot }) => {
    const { order, sku, inventoryItem } = data.backordered
    const warehouse = data.warehouse

    await page.goto(`${baseUrl}/app/inventory`)
    await page.getByRole("link", { name: "Purchase orders" }).click()
    await page.waitForURL(/\/app\/purchase-orders/)
    await page.getByRole("heading", { name: "Purchase orders" }).waitFor({ timeout: TIMEOUT })
    await page.getByRole("button", { name: "Create" }).click()
    const form = page.getByTestId("purchase-order-form")
    await form.waitFor({ timeout: TIMEOUT })
    await form.locator("#po-supplier").fill("E2E Knitwear Ltd")
    await form.getByRole("combobox", { name: "Deliver to" }).click()
    await page.getByRole("option", { name: warehouse.name }).click()
    await form.getByRole("searchbox", { name: "Search inventory items" }).fill(sku)
    await form.getByTestId("inventory-item-results").getByText(sku).first().click()
    const line = form.getByTestId("po-line")
    await line.waitFor()
    await line.getByRole("textbox", { name: /Quantity of/ }).fill("3")
    await form.locator("#po-expected").fill(EXPECTED)
    await form.locator("#po-reference").fill("E2E-PO-REF")
    await screenshot("purchase-order-create-drawer", page.locator('[role="dialog"]'))
    await form.getByRole("button", { name: "Create" }).click()

    await page.waitForURL(/\/app\/purchase-orders\/po_/, { timeout: TIMEOUT })
    const id = page.url().split("/purchase-orders/")[1].split(/[?#]/)[0]
    await page.locator('[data-state="ordered"]').waitFor({ timeout: TIMEOUT })
    const { purchase_order: created } = await api.must("GET", `/admin/purchase-orders/${id}`)
    assert.equal(created.state, "ordered")
    assert.equal(created.expected_at, EXPECTED)
    assert.deepEqual(
      created.items.map((item) => [item.inventory_item_id, item.quantity]),
      [[inventoryItem.id, 3]]
    )

    // The waiting hoodie is now dated by this order.
    await page.goto(`${baseUrl}/app/backorders`)
    const row = page.getByTestId("backorders-table").locator(`tr:has([data-order-id="${order.id}"])`)
    await row.waitFor({ timeout: TIMEOUT })
    assert.equal((await row.locator('[data-column="expected-at"]').innerText()).trim(), EXPECTED)
    assert.equal((await row.locator('[data-column="queue-position"]').innerText()).trim(), "#1")
    await screenshot("backorders-with-eta")

    await page.goto(`${baseUrl}/app/purchase-orders/${id}`)
    await page.getByRole("button", { name: "Receive" }).click()
    const receive = page.getByTestId("receive-form")
    await receive.waitFor({ timeout: TIMEOUT })
    const receiveLine = receive.locator(`tr[data-inventory-item-id="${inventoryItem.id}"]`)
    assert.equal((await receiveLine.locator('[data-column="outstanding"]').innerText()).trim(), "3")
    // All 3 accepted by default; refusing 3 more exceeds what is outstanding,
    // and a refusal asks why.
    await receiveLine.getByRole("textbox", { name: /^Reject/ }).fill("3")
    await receiveLine.getByText("Only 3 outstanding").waitFor({ timeout: TIMEOUT })
    await receiveLine.getByRole("textbox", { name: /^Why/ }).waitFor()
    await receiveLine.getByRole("textbox", { name: /^Accept/ }).fill("1")
    await receiveLine.getByRole("textbox", { name: /^Reject/ }).fill("")
    await receiveLine.getByText("Only 3 outstanding").waitFor({ state: "detached", timeout: TIMEOUT })
    assert.equal(await receiveLine.getByRole("textbox", { name: /^Why/ }).count(), 0, "no reason without a refusal")
    await screenshot("purchase-order-receive-drawer", page.locator('[role="dialog"]'))
    await receive.getByRole("button", { name: "Receive" }).click()

    await page.locator('[data-state="partially_received"]').first().waitFor({ timeout: TIMEOUT })
    const itemRow = page.getByTestId("purchase-order-items").locator(`tr[data-inventory-item-id="${inventoryItem.id}"]`)
    await itemRow.locator('[data-column="received"]').getByText("1").waitFor({ timeout: TIMEOUT })
    assert.equal((await itemRow.locator('[data-column="outstanding"]').innerText()).trim(), "2")
    await page.getByTestId("purchase-order-receipts").getByText(/1 accepted/).waitFor()
    await screenshot("purchase-order-detail")

    const { stock_items } = await api.must(
      "GET",
      `/admin/stock-items?inventory_item_id=${inventoryItem.id}&location_id=${warehouse.id}`
    )
    assert.equal(stock_items[0].on_hand, 3, "the accepted hoodie is on hand")
    assert.equal(stock_items[0].incoming, 2, "two hoodies still incoming")
    assert.equal(stock_items[0].backordered_quantity, 0, "the backorder was filled")
    const { totals } = await api.must("GET", `/admin/orders/${order.id}/inventory-units`)
    assert.equal(totals.backordered ?? 0, 0)

    // The list's State and Location filters, from the filter menu.
    await page.goto(`${baseUrl}/app/purchase-orders`)
    const listRow = page.getByTestId("purchase-orders-table").locator(`tr:has([data-purchase-order-id="${id}"])`)
    await listRow.waitFor({ timeout: TIMEOUT })
    await pickFilter(page, "State", "Received")
    await page.waitForURL(/state=received/)
    await listRow.waitFor({ state: "detached", timeout: TIMEOUT })
    await pickFilter(page, "State", "Partially received")
    await page.waitForURL(/state=partially_received/)
    await pickFilter(page, "Location", warehouse.name)
    await page.waitForURL(new RegExp(`location_id=${warehouse.id}`))
    await listRow.waitFor({ timeout: TIMEOUT })
    await listRow.getByText("Partially received").waitFor()
    await screenshot("purchase-orders-page")
  })
}
