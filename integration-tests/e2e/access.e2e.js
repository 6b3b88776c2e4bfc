/**
 * The dashboard under Medusa's role-based access control (the e2e store runs
 * with the `rbac` flag on): a read-only user sees stock and the ledger but is
 * offered no action, and a page they may not read says so. The super admin,
 * whom every other spec drives, keeps every action.
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")

const TIMEOUT = 60000

/** Signs the test's page out of the admin's session and in as `user`, through the login form. */
async function signInAs(page, baseUrl, user) {
  await page.context().clearCookies()
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill(user.email)
  await page.locator('input[name="password"]').fill(user.password)
  await page.getByRole("button", { name: "Continue" }).click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: TIMEOUT })
}

const readerOrSkip = (data, skip) => data.reader || skip("the store runs with Medusa's rbac flag off")

module.exports = (test) => {
  test("the super admin keeps every Stockroom action with the rbac flag on", async ({ page, baseUrl, data, skip }) => {
    readerOrSkip(data, skip)
    await page.goto(`${baseUrl}/app/products/${data.product.id}/variants/${data.variant.id}`)
    const widget = page.getByTestId("stockroom-item-stock")
    await widget.getByRole("button", { name: "Move stock" }).waitFor({ timeout: TIMEOUT })
    const toggle = widget.getByRole("switch", { name: "Backorderable at E2E Outlet" })
    assert.equal(await toggle.isDisabled(), false, "the super admin may edit stock items")
  })

  test("a read-only user sees the variant's stock and movements, but no Move stock", async ({ page, baseUrl, data, api, screenshot, skip }) => {
    const reader = readerOrSkip(data, skip)
    const { stock_items } = await api.must("GET", `/admin/stock-items?inventory_item_id=${data.inventoryItem.id}`)
    const warehouseOnHand = stock_items.find((item) => item.location_id === data.warehouse.id).on_hand
    await signInAs(page, baseUrl, reader)

    await page.goto(`${baseUrl}/app/products/${data.product.id}/variants/${data.variant.id}`)
    const widget = page.getByTestId("stockroom-item-stock")
    const warehouse = widget.locator("tr[data-stock-item-id]", { hasText: "E2E Warehouse" })
    await warehouse
      .locator('[data-column="on_hand"]', { hasText: String(warehouseOnHand) })
      .waitFor({ timeout: TIMEOUT })
    await widget.locator("tr[data-movement-id]").first().waitFor({ timeout: TIMEOUT })
    // The widget renders once the permissions are known: what is absent now stays absent.
    assert.equal(await page.getByRole("button", { name: "Move stock" }).count(), 0, "no Move stock for a reader")
    const toggle = widget.getByRole("switch", { name: "Backorderable at E2E Outlet" })
    assert.equal(await toggle.isDisabled(), true, "the backorderable switch is read-only")
    await widget.getByRole("link", { name: "View all" }).waitFor()
    await screenshot("access-reader-variant", widget)

    await page.goto(`${baseUrl}/app/inventory/${data.inventoryItem.id}`)
    await page
      .getByTestId("stockroom-item-stock")
      .locator("tr[data-stock-item-id]", { hasText: "E2E Outlet" })
      .waitFor({ timeout: TIMEOUT })
    assert.equal(await page.getByRole("button", { name: "Move stock" }).count(), 0, "nor on the inventory item")
  })

  test("a read-only user reads the ledger", async ({ page, baseUrl, data, api, skip }) => {
    const reader = readerOrSkip(data, skip)
    const { count } = await api.must("GET", "/admin/stock-movements?limit=1")
    assert.ok(count > 0, "the seed booked movements")
    await signInAs(page, baseUrl, reader)
    await page.goto(`${baseUrl}/app/stock-movements`)
    const table = page.getByTestId("ledger-table")
    await table.locator("tr:has([data-movement-id])").first().waitFor({ timeout: TIMEOUT })
    assert.equal(await table.locator("tr:has([data-movement-id])").count(), Math.min(count, 20))
    assert.equal(await page.getByTestId("stockroom-no-access").count(), 0)
  })

  test("a page the user may not read says so instead of failing", async ({ page, baseUrl, data, screenshot, skip }) => {
    const reader = readerOrSkip(data, skip)
    const refused = []
    page.on("response", (response) => {
      if (response.status() === 403 && response.url().includes("/admin/purchase-orders")) {
        refused.push(response.url())
      }
    })
    await signInAs(page, baseUrl, reader)
    await page.goto(`${baseUrl}/app/purchase-orders`)
    const denied = page.getByTestId("stockroom-no-access")
    await denied.waitFor({ timeout: TIMEOUT })
    await denied.getByText("Access denied").waitFor()
    await denied.getByText("You don't have permission to view purchase orders.").waitFor()
    await denied.getByText("Required permission: stockroom_purchase_order:read").waitFor()
    await page.getByRole("heading", { name: "Purchase orders" }).waitFor()
    assert.equal(await page.getByRole("button", { name: "Create" }).count(), 0)
    assert.deepEqual(refused, [], "the page does not even ask for what it may not read")
    await screenshot("access-no-access")
  })
}
