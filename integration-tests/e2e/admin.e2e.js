/**
 * The Stockroom admin in a real browser, against a store running the built
 * plugin (scripts/e2e.js starts it and seeds it through the admin API).
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")
const { pickFilter } = require("./data-table")

const TIMEOUT = 60000

/** The cell of one stock-item row (by location name) in the widget's table. */
const stockRow = (page, locationName) =>
  page
    .getByTestId("stockroom-item-stock")
    .locator("tr[data-stock-item-id]", { hasText: locationName })

async function openMoveStock(page, locationName) {
  await page.getByRole("button", { name: "Move stock" }).first().click()
  const drawer = page.getByRole("dialog", { name: "Move stock" })
  await drawer.waitFor({ timeout: TIMEOUT })
  await drawer.getByRole("combobox", { name: "Location" }).click()
  await page.getByRole("option", { name: locationName }).click()
  return drawer
}

async function expectToast(page, text) {
  await page.locator("[data-sonner-toast]", { hasText: text }).first().waitFor({ timeout: TIMEOUT })
}

module.exports = (test) => {
  test("variant page shows the Stockroom widget with real numbers", async ({ page, baseUrl, data, screenshot }) => {
    await page.goto(`${baseUrl}/app/products/${data.product.id}/variants/${data.variant.id}`)
    const widget = page.getByTestId("stockroom-item-stock")
    await widget.waitFor({ timeout: TIMEOUT })
    const warehouse = stockRow(page, "E2E Warehouse")
    await warehouse.locator('[data-column="on_hand"]', { hasText: "10" }).waitFor({ timeout: TIMEOUT })
    const outlet = stockRow(page, "E2E Outlet")
    assert.equal((await outlet.locator('[data-column="on_hand"]').innerText()).trim(), "3")
    assert.equal(await outlet.getAttribute("data-low-stock"), "true", "outlet row is highlighted as low stock")
    await outlet.getByText("Low stock").waitFor()
    await screenshot("variant-widget", widget)
  })

  test("Move stock drawer validates, adds +5 and the table and movements update", async ({ page, baseUrl, data, admin, screenshot }) => {
    await page.goto(`${baseUrl}/app/products/${data.product.id}/variants/${data.variant.id}`)
    await stockRow(page, "E2E Warehouse").waitFor({ timeout: TIMEOUT })
    const drawer = await openMoveStock(page, "E2E Warehouse")
    const quantity = drawer.getByLabel("Quantity")
    await quantity.fill("2.5")
    await drawer.getByRole("button", { name: "Move stock" }).click()
    await drawer.getByText("Quantity must be a whole number").waitFor()
    await quantity.fill("0")
    await drawer.getByText("Quantity must not be zero").waitFor()
    await quantity.fill("5")
    await drawer.getByLabel("Reason (optional)").fill("Received")
    await drawer.getByLabel(/Note/).fill("Pallet from supplier (e2e)")
    await screenshot("move-stock-drawer")
    await drawer.getByRole("button", { name: "Move stock" }).click()
    await expectToast(page, "Stock moved")
    await drawer.waitFor({ state: "hidden", timeout: TIMEOUT })
    await stockRow(page, "E2E Warehouse")
      .locator('[data-column="on_hand"]', { hasText: "15" })
      .waitFor({ timeout: TIMEOUT })
    const latest = page.getByTestId("stockroom-item-stock").locator("tr[data-movement-id]").first()
    await latest.locator('[data-column="quantity"]', { hasText: "+5" }).waitFor({ timeout: TIMEOUT })
    await latest.getByText(admin.email).waitFor({ timeout: TIMEOUT })
    await screenshot("variant-widget-after-move", page.getByTestId("stockroom-item-stock"))
  })

  test("inventory item page: an invalid decrease shows the server's error", async ({ page, baseUrl, data, screenshot }) => {
    await page.goto(`${baseUrl}/app/inventory/${data.inventoryItem.id}`)
    await stockRow(page, "E2E Outlet").waitFor({ timeout: TIMEOUT })
    await stockRow(page, "E2E Warehouse")
      .locator('[data-column="on_hand"]', { hasText: "15" })
      .waitFor({ timeout: TIMEOUT })
    await screenshot("inventory-item-widget", page.getByTestId("stockroom-item-stock"))
    const drawer = await openMoveStock(page, "E2E Outlet")
    await drawer.getByLabel("Quantity").fill("-100")
    await drawer.getByRole("button", { name: "Move stock" }).click()
    // A decrease asks first.
    const prompt = page.getByRole("alertdialog")
    await prompt.getByText("Remove stock?").waitFor({ timeout: TIMEOUT })
    await prompt.getByRole("button", { name: "Remove stock" }).click()
    const error = drawer.getByTestId("move-stock-error")
    await error.waitFor({ timeout: TIMEOUT })
    const message = await error.innerText()
    assert.match(message, /Cannot take 100/)
    assert.match(message, /not backorderable/)
    await expectToast(page, "Stock was not moved")
    await screenshot("move-stock-server-error")
    await drawer.getByRole("button", { name: "Cancel" }).click()
    assert.equal(
      (await stockRow(page, "E2E Outlet").locator('[data-column="on_hand"]').innerText()).trim(),
      "3",
      "the refused decrease changed nothing"
    )
  })

  test("backorderable toggle saves through POST /admin/stock-items/:id", async ({ page, baseUrl, data, api, screenshot }) => {
    await page.goto(`${baseUrl}/app/inventory/${data.inventoryItem.id}`)
    const toggle = page.getByRole("switch", { name: "Backorderable at E2E Outlet" })
    await toggle.waitFor({ timeout: TIMEOUT })
    assert.equal(await toggle.getAttribute("aria-checked"), "false")
    await toggle.click()
    await expectToast(page, "Backorders allowed at E2E Outlet")
    await page.waitForFunction(
      () =>
        document
          .querySelector('[role="switch"][aria-label="Backorderable at E2E Outlet"]')
          ?.getAttribute("aria-checked") === "true",
      null,
      { timeout: TIMEOUT }
    )
    const { stock_item } = await api.must("GET", `/admin/stock-items/${data.outletItem.id}`)
    assert.equal(stock_item.backorderable, true)
    await screenshot("backorderable-toggled", page.getByTestId("stockroom-item-stock"))
  })

  test("Stock movements page lists the ledger and filters by kind", async ({ page, baseUrl, data, api, screenshot }) => {
    const { stock_movements } = await api.must(
      "GET",
      `/admin/stock-movements?inventory_item_id=${data.inventoryItem.id}&limit=1`
    )
    const manual = stock_movements[0]
    assert.equal(manual.quantity, 5)
    // Stockroom's pages sit under Inventory in the sidebar.
    await page.goto(`${baseUrl}/app/inventory`)
    await page.getByRole("link", { name: "Stock movements" }).click()
    await page.waitForURL(/\/app\/stock-movements/)
    const table = page.getByTestId("ledger-table")
    await table.waitFor({ timeout: TIMEOUT })
    const manualRow = table.locator(`tr:has([data-movement-id="${manual.id}"])`)
    await manualRow.waitFor({ timeout: TIMEOUT })
    await manualRow.getByText("Received — Pallet from supplier (e2e)").waitFor()
    await screenshot("stock-movements-page")

    const kindLabel = manual.kind.charAt(0).toUpperCase() + manual.kind.slice(1).replace(/_/g, " ")
    await pickFilter(page, "Kind", kindLabel)
    await page.waitForURL(new RegExp(`kind=${manual.kind}`))
    await table.locator(`tr:has([data-movement-id="${manual.id}"])`).waitFor({ timeout: TIMEOUT })
    await page.waitForFunction(
      (label) => {
        const rows = [...document.querySelectorAll('[data-testid="ledger-table"] tr:has([data-movement-id])')]
        return rows.length > 0 && rows.every((row) => row.querySelector("td")?.innerText.trim() === label)
      },
      kindLabel,
      { timeout: TIMEOUT }
    )
    await screenshot("stock-movements-filtered")

    // A kind nothing has: the designed empty state, not a blank table.
    await pickFilter(page, "Kind", "Returned")
    await page.getByText("No stock movement matches these filters.").waitFor({ timeout: TIMEOUT })

    // The widget's "View all" link narrows the ledger to the item.
    await page.goto(`${baseUrl}/app/inventory/${data.inventoryItem.id}`)
    await page.getByRole("link", { name: "View all" }).click()
    await page.waitForURL(new RegExp(`inventory_item_id=${data.inventoryItem.id}`))
    await page.getByRole("button", { name: "Show every item" }).waitFor({ timeout: TIMEOUT })
    await table.locator(`tr:has([data-movement-id="${manual.id}"])`).waitFor({ timeout: TIMEOUT })
  })

  test("Stockroom page shows the options and runs the audit", async ({ page, baseUrl, screenshot }) => {
    // Stockroom's pages sit under Inventory in the sidebar.
    await page.goto(`${baseUrl}/app/inventory`)
    await page.getByRole("link", { name: "Stockroom", exact: true }).click()
    await page.waitForURL(/\/app\/stockroom/)
    const options = page.getByTestId("stockroom-options")
    await options.locator('[data-option="low_stock_threshold"]', { hasText: "5" }).waitFor({ timeout: TIMEOUT })
    await page.getByText("No audit run yet").waitFor()
    await page.getByRole("button", { name: "Run audit" }).click()
    await page.getByText("No problems found").waitFor({ timeout: TIMEOUT })
    await expectToast(page, "Audit passed")
    await screenshot("stockroom-page")
  })

  test("location page: Stockroom settings and stock items", async ({ page, baseUrl, data, api, screenshot, skip }) => {
    await page.goto(`${baseUrl}/app/settings/locations/${data.outlet.id}`)
    const stock = page.getByTestId("stockroom-location-stock")
    await stock.waitFor({ timeout: TIMEOUT })
    const row = stock.locator(`tr[data-stock-item-id="${data.outletItem.id}"]`)
    await row.waitFor({ timeout: TIMEOUT })
    assert.equal(await row.getAttribute("data-low-stock"), "true")
    const settingsRoute = await api.request("GET", `/admin/stock-locations/${data.outlet.id}/stockroom`)
    await stock.scrollIntoViewIfNeeded()
    await screenshot("location-widget")
    if (settingsRoute.status === 404) {
      skip("route not present: GET /admin/stock-locations/:id/stockroom (settings switches untested)")
    }
    const settings = page.getByTestId("stockroom-location-settings")
    const restock = settings.getByRole("switch", { name: "Restock returns" })
    await restock.waitFor({ timeout: TIMEOUT })
    const before = (await restock.getAttribute("aria-checked")) === "true"
    await restock.click()
    await expectToast(page, "Stockroom settings saved")
    const after = await api.must("GET", `/admin/stock-locations/${data.outlet.id}/stockroom`)
    assert.equal(after.stock_location_setting.restock_inventory, !before)
    await screenshot("location-widget-settings-saved")
  })

  test("location page: Transfer stock drawer", async ({ page, baseUrl, data, api, screenshot, skip }) => {
    const transfers = await api.request("GET", "/admin/stock-transfers?limit=1")
    if (transfers.status === 404) {
      skip("route not present: /admin/stock-transfers")
    }
    await page.goto(`${baseUrl}/app/settings/locations/${data.warehouse.id}`)
    await page.getByRole("button", { name: "Transfer stock" }).click()
    const drawer = page.getByRole("dialog", { name: "Transfer stock" })
    await drawer.waitFor({ timeout: TIMEOUT })
    await drawer.getByRole("combobox", { name: "To location" }).click()
    await page.getByRole("option", { name: "E2E Outlet" }).click()
    await drawer.getByRole("combobox", { name: "Item 1" }).click()
    // The warehouse also stocks the backordered order's hoodie: pick the Tee.
    await page.getByRole("option", { name: new RegExp(data.sku) }).click()
    await drawer.getByLabel("Quantity 1").fill("2")
    await screenshot("transfer-stock-drawer")
    await drawer.getByRole("button", { name: "Transfer" }).click()
    await expectToast(page, "Stock transferred")
    const { stock_item } = await api.must("GET", `/admin/stock-items/${data.outletItem.id}`)
    assert.equal(stock_item.on_hand, 5)
  })

  test("Stock movements page: Export CSV downloads the filtered ledger", async ({ page, baseUrl, api, screenshot, skip }) => {
    const exported = await api.request("GET", "/admin/stock-movements/export?kind=received")
    if (exported.status === 404) {
      skip("route not present: GET /admin/stock-movements/export")
    }
    await page.goto(`${baseUrl}/app/stock-movements?kind=received`)
    await page.getByTestId("ledger-filters").waitFor({ timeout: TIMEOUT })
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: TIMEOUT }),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ])
    const file = await download.path()
    const csv = require("fs").readFileSync(file, "utf8")
    assert.ok(csv.split("\n").length >= 2, "the CSV has a header and rows")
    await expectToast(page, "Export ready")
    await screenshot("export-csv")
  })
}
