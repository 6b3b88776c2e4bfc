/**
 * Stock counts and safety stock in the browser, against the store seed.js
 * made (the E2E Tee at the E2E Outlet, not backorderable).
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")

const TIMEOUT = 60000

async function expectToast(page, text) {
  await page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor({ timeout: TIMEOUT })
}

module.exports = (test) => {
  test("stock count: open at a location, count blind, review the difference, apply, see the cycle count in the ledger", async ({ page, baseUrl, data, api, screenshot }) => {
    const { inventoryItem, outlet, outletItem } = data
    const { stock_item: before } = await api.must("GET", `/admin/stock-items/${outletItem.id}`)

    await page.goto(`${baseUrl}/app/inventory`)
    await page.getByRole("link", { name: "Stock counts" }).click()
    await page.waitForURL(/\/app\/stock-counts/)
    await page.getByRole("heading", { name: "Stock counts" }).waitFor({ timeout: TIMEOUT })
    await page.getByRole("button", { name: "Open count" }).click()
    const form = page.getByTestId("stock-count-open-form")
    await form.waitFor({ timeout: TIMEOUT })
    await form.getByRole("combobox", { name: "Location to count" }).click()
    await page.getByRole("option", { name: outlet.name }).click()
    await screenshot("stock-count-open-drawer", page.locator('[role="dialog"]'))
    await form.getByRole("button", { name: "Open count" }).click()

    await page.waitForURL(/\/app\/stock-counts\/scount_/, { timeout: TIMEOUT })
    const id = page.url().split("/stock-counts/")[1].split(/[?#]/)[0]
    await page.locator('[data-state="open"]').first().waitFor({ timeout: TIMEOUT })

    // The sheet lists the tee by SKU; what the system expects stays hidden.
    const sheetRow = page.getByTestId("stock-count-sheet").locator(`tr[data-inventory-item-id="${inventoryItem.id}"]`)
    await sheetRow.waitFor({ timeout: TIMEOUT })
    await sheetRow.getByText(data.sku).first().waitFor()
    assert.equal((await sheetRow.locator('[data-column="expected"]').innerText()).trim(), "After counting")
    assert.equal(await sheetRow.getAttribute("data-counted"), "false")

    // Two more found on the shelf than the system expects (earlier specs may
    // have moved the tee's stock, so the count follows what is there).
    const found = before.on_hand + 2
    await sheetRow.getByRole("textbox", { name: `Counted ${data.sku}` }).fill(String(found))
    await screenshot("stock-count-sheet", page.getByTestId("stock-count-sheet"))
    await page.getByRole("button", { name: "Save counts" }).click()
    await expectToast(page, "1 count recorded")
    await page
      .getByTestId("stock-count-sheet")
      .locator(`tr[data-inventory-item-id="${inventoryItem.id}"][data-counted="true"]`)
      .waitFor({ timeout: TIMEOUT })
    assert.equal((await sheetRow.locator('[data-column="expected"]').innerText()).trim(), String(before.on_hand))

    const difference = page.getByTestId("stock-count-differences").locator(`tr[data-inventory-item-id="${inventoryItem.id}"]`)
    await difference.waitFor({ timeout: TIMEOUT })
    assert.equal((await difference.locator('[data-column="expected-at-count"]').innerText()).trim(), String(before.on_hand))
    assert.equal((await difference.locator('[data-column="counted"]').innerText()).trim(), String(found))
    const expectedDifference = 2
    assert.equal(
      (await difference.locator('[data-column="difference"]').innerText()).trim(),
      expectedDifference > 0 ? `+${expectedDifference}` : String(expectedDifference)
    )
    await screenshot("stock-count-review")

    // Nothing is booked before applying.
    const { stock_movements: none } = await api.must("GET", `/admin/stock-movements?originator_type=stock_count&originator_id=${id}`)
    assert.equal(none.length, 0)

    await page.getByRole("button", { name: "Apply" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(/Books 1 cycle-count adjustment/).waitFor({ timeout: TIMEOUT })
    await prompt.getByRole("button", { name: "Apply count" }).click()
    await page.locator('[data-state="applied"]').first().waitFor({ timeout: TIMEOUT })
    await expectToast(page, "applied")

    const { stock_movements } = await api.must("GET", `/admin/stock-movements?originator_type=stock_count&originator_id=${id}`)
    assert.equal(stock_movements.length, 1)
    const [movement] = stock_movements
    assert.equal(movement.kind, "adjusted")
    assert.equal(movement.reason_code, "cycle_count")
    assert.equal(movement.quantity, expectedDifference)
    assert.equal(movement.stocked_after, found)
    const { stock_item: after } = await api.must("GET", `/admin/stock-items/${outletItem.id}`)
    assert.equal(after.on_hand, found)

    const booked = page.getByTestId("stock-count-movements")
    await booked.locator(`tr[data-movement-id="${movement.id}"]`).waitFor({ timeout: TIMEOUT })
    await screenshot("stock-count-applied")

    // The ledger shows the cycle count, found by its reason.
    await booked.getByRole("link", { name: "View in ledger" }).click()
    await page.waitForURL(/\/app\/stock-movements\?.*originator_type=stock_count/, { timeout: TIMEOUT })
    await page.getByTestId("ledger-table").locator(`tr:has([data-movement-id="${movement.id}"])`).waitFor({ timeout: TIMEOUT })
    await screenshot("stock-count-ledger")

    await page.goto(`${baseUrl}/app/stock-counts?state=applied`)
    const listRow = page.getByTestId("stock-counts-table").locator(`tr:has([data-stock-count-id="${id}"])`)
    await listRow.waitFor({ timeout: TIMEOUT })
    await listRow.getByText("Applied").waitFor()
    await listRow.getByText(outlet.name).waitFor()
    await screenshot("stock-counts-page")
  })

  test("stock count: cancel asks first and books nothing", async ({ page, baseUrl, data, api }) => {
    const { stock_count } = await api.must("POST", "/admin/stock-counts", { location_id: data.outlet.id })
    await api.must("POST", `/admin/stock-counts/${stock_count.id}/items`, {
      items: [{ inventory_item_id: data.inventoryItem.id, counted: 1 }],
    })
    await page.goto(`${baseUrl}/app/stock-counts/${stock_count.id}`)
    await page.getByRole("button", { name: "Cancel count" }).click()
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText(`Cancel ${stock_count.number}?`).waitFor({ timeout: TIMEOUT })
    await prompt.getByRole("button", { name: "Cancel count" }).click()
    await page.locator('[data-state="canceled"]').first().waitFor({ timeout: TIMEOUT })
    const { stock_count: canceled } = await api.must("GET", `/admin/stock-counts/${stock_count.id}`)
    assert.equal(canceled.state, "canceled")
    const { stock_movements } = await api.must(
      "GET",
      `/admin/stock-movements?originator_type=stock_count&originator_id=${stock_count.id}`
    )
    assert.equal(stock_movements.length, 0)
    assert.equal(await page.getByTestId("stock-count-sheet").count(), 0, "a canceled count has no sheet to type in")
  })

  test("safety stock: edited in the stock section, shown with what is left to sell, no movement", async ({ page, baseUrl, data, api, screenshot }) => {
    const { outletItem } = data
    const movementsBefore = (await api.must("GET", `/admin/stock-movements?stock_item_id=${outletItem.id}`)).count
    const { stock_item: before } = await api.must("GET", `/admin/stock-items/${outletItem.id}`)

    await page.goto(`${baseUrl}/app/inventory/${data.inventoryItem.id}`)
    const row = page.getByTestId("stockroom-item-stock").locator(`tr[data-stock-item-id="${outletItem.id}"]`)
    await row.waitFor({ timeout: TIMEOUT })
    await row.getByRole("button", { name: /Edit safety stock of/ }).click()
    const form = page.getByTestId("safety-stock-form")
    await form.waitFor({ timeout: TIMEOUT })
    await form.getByLabel("Safety stock").fill("-1")
    await form.getByRole("button", { name: "Save" }).click()
    await form.getByText("Safety stock is a whole number, 0 or more").waitFor({ timeout: TIMEOUT })
    await form.getByLabel("Safety stock").fill("2")
    await screenshot("safety-stock-drawer", page.locator('[role="dialog"]'))
    await form.getByRole("button", { name: "Save" }).click()
    await expectToast(page, "set to 2")
    await row.locator('[data-column="sellable"]').getByText(`${before.count_on_hand - 2} sellable`).waitFor({ timeout: TIMEOUT })
    await screenshot("safety-stock-section", page.getByTestId("stockroom-item-stock"))

    const { stock_item: after } = await api.must("GET", `/admin/stock-items/${outletItem.id}`)
    assert.equal(after.safety_stock, 2)
    assert.equal(after.sellable, before.count_on_hand - 2)
    assert.equal(after.on_hand, before.on_hand)
    const movementsAfter = (await api.must("GET", `/admin/stock-movements?stock_item_id=${outletItem.id}`)).count
    assert.equal(movementsAfter, movementsBefore, "a safety stock change writes no movement")
  })
}
