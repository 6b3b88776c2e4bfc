/**
 * Back-in-stock demand in the dashboard: two shoppers subscribe to the
 * partly backordered hoodie seed.js sets up (1 unit backordered), the
 * Demand page lists it with both numbers, and the variant page shows the
 * waiting subscribers under its stock.
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")

const TIMEOUT = 60000

async function subscribe(baseUrl, publishableKey, body) {
  const response = await fetch(`${baseUrl}/store/stock-subscriptions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
    body: JSON.stringify(body),
  })
  const json = await response.json()
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`subscribing refused (${response.status}): ${JSON.stringify(json)}`)
  }
  return json.stock_subscription
}

module.exports = (test) => {
  test("Demand page lists the hoodie by subscribers plus backorders; the variant page shows the subscribers", async ({ page, baseUrl, data, api, screenshot }) => {
    const { variant, product, commerce } = data.backordered
    for (const email of ["ada@stockroom-e2e.test", "grace@stockroom-e2e.test"]) {
      await subscribe(baseUrl, commerce.publishableKey, { variant_id: variant.id, email })
    }
    const { demand } = await api.must("GET", `/admin/demand?variant_id=${variant.id}`)
    assert.equal(demand[0].waiting_subscribers, 2, "2 waiting subscribers")

    // Stockroom's pages sit under Inventory in the sidebar.
    await page.goto(`${baseUrl}/app/inventory`)
    await page.getByRole("link", { name: "Demand" }).click()
    await page.waitForURL(/\/app\/demand/)
    const table = page.getByTestId("demand-table")
    await table.waitFor({ timeout: TIMEOUT })
    const row = table.locator("tr:has([data-variant-id])").filter({ hasText: "E2E Hoodie" })
    await row.first().waitFor({ timeout: TIMEOUT })
    const cells = await row.first().locator("td").allInnerTexts()
    assert.equal(cells[2].trim(), "2", "subscribers column")
    assert.equal(cells[3].trim(), String(demand[0].backordered_quantity), "backordered column")
    assert.equal(cells[4].trim(), String(2 + demand[0].backordered_quantity), "total column")
    await screenshot("demand-page")

    await row.first().getByRole("link").click()
    await page.waitForURL(new RegExp(`/app/products/${product.id}/variants/${variant.id}`))
    const waiting = page.getByTestId("stockroom-waiting-subscribers")
    await waiting.waitFor({ timeout: TIMEOUT })
    await waiting.getByText("2 subscribers").waitFor({ timeout: TIMEOUT })
    await screenshot("variant-waiting-subscribers", waiting)
  })
}
