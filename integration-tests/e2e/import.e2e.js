/**
 * The stock CSV import on the Stock movements page: a file with a line the
 * file itself gets wrong (an unknown location) and one the server refuses
 * (an unknown SKU) shows each by line and applies nothing; the corrected
 * file previews every difference against the current levels, applies after
 * a confirmation, and the levels and ledger say so. Then a movements file.
 *
 * Two inventory items of its own, so the other specs' stock is untouched.
 *
 * ctx: { page, baseUrl, admin, data (from seed.js), api, screenshot, skip }
 */
const { assert } = require("./harness")

const TIMEOUT = 60000

async function stockItemsOf(api, inventoryItemId, count) {
  const deadline = Date.now() + TIMEOUT
  for (;;) {
    const { stock_items } = await api.must("GET", `/admin/stock-items?inventory_item_id=${inventoryItemId}`)
    if (stock_items.length >= count) {
      return stock_items
    }
    if (Date.now() > deadline) {
      throw new Error(`inventory item ${inventoryItemId} has ${stock_items.length} stock items, expected ${count}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

module.exports = (test) => {
  test("Import stock CSV: errors per line, a preview of every difference, then applied", async ({ page, baseUrl, data, api, screenshot }) => {
    const suffix = Date.now().toString(36).toUpperCase()
    const skus = [`E2E-IMPORT-A-${suffix}`, `E2E-IMPORT-B-${suffix}`]
    const items = []
    for (const sku of skus) {
      const { inventory_item } = await api.must("POST", "/admin/inventory-items", { sku, title: sku })
      items.push(inventory_item)
    }
    for (const item of items) {
      await stockItemsOf(api, item.id, 2)
    }
    // A starts with 4 at the warehouse, so the import changes it by +8.
    await api.must("POST", "/admin/stock-movements", {
      inventory_item_id: items[0].id,
      location_id: data.warehouse.id,
      quantity: 4,
    })

    await page.goto(`${baseUrl}/app/stock-movements`)
    await page.getByTestId("import-open").click()
    const text = page.getByTestId("import-text")
    await text.waitFor({ timeout: TIMEOUT })

    // A line the file gets wrong: nothing goes to the server.
    await text.fill(`sku,location,on_hand\n${skus[0]},E2E Warehouse,12\n${skus[1]},Nowhere,3\n`)
    const errors = page.getByTestId("import-errors")
    await errors.getByText('Line 3: no stock location is named or has id "Nowhere"').waitFor({ timeout: TIMEOUT })
    assert.equal(await page.getByTestId("import-apply").isDisabled(), true, "apply is disabled")

    // A line the server refuses: named by its line too.
    await text.fill(`sku,location,on_hand\n${skus[0]},E2E Warehouse,12\nNO-SUCH-SKU-${suffix},E2E Outlet,3\n`)
    await errors.getByText(`Line 3: no inventory item has SKU NO-SUCH-SKU-${suffix}`).waitFor({ timeout: TIMEOUT })
    assert.equal(await page.getByTestId("import-apply").isDisabled(), true, "apply is disabled")

    // The corrected file: a preview of every difference.
    const csv = [
      "sku,location,on_hand",
      `${skus[0]},E2E Warehouse,12`,
      `${skus[0]},E2E Outlet,0`,
      `${skus[1]},${data.outlet.id},5`,
    ].join("\n")
    await text.fill(csv)
    const preview = page.getByTestId("import-preview")
    await preview.waitFor({ timeout: TIMEOUT })
    await page.getByTestId("import-summary").getByText("2 of 3 levels change").waitFor({ timeout: TIMEOUT })
    const rows = await preview.locator("tbody tr").allInnerTexts()
    assert.equal(rows.length, 3, "three preview rows")
    assert.ok(/E2E Warehouse\s+4\s+12\s+\+8/.test(rows[0]), `row 1 shows 4 → 12 (+8): ${rows[0]}`)
    assert.ok(/no change/.test(rows[1]), `row 2 is unchanged: ${rows[1]}`)
    assert.ok(/E2E Outlet\s+0\s+5\s+\+5/.test(rows[2]), `row 3 shows 0 → 5 (+5): ${rows[2]}`)
    await screenshot("stock-import-preview")

    await page.getByTestId("import-apply").click()
    await page.getByRole("button", { name: "Apply", exact: true }).click()
    await page.getByText("Import applied").waitFor({ timeout: TIMEOUT })

    const levelOf = async (itemId, locationId) => {
      const { inventory_levels } = await api.must("GET", `/admin/inventory-items/${itemId}/location-levels`)
      return inventory_levels.find((level) => level.location_id === locationId).stocked_quantity
    }
    assert.equal(await levelOf(items[0].id, data.warehouse.id), 12, "A at the warehouse")
    assert.equal(await levelOf(items[0].id, data.outlet.id), 0, "A at the outlet")
    assert.equal(await levelOf(items[1].id, data.outlet.id), 5, "B at the outlet")
    const { stock_movements } = await api.must(
      "GET",
      `/admin/stock-movements?inventory_item_id=${items[0].id}&location_id=${data.warehouse.id}&order=created_at`
    )
    assert.deepEqual(
      stock_movements.map((m) => [m.kind, m.quantity, m.reason_code]),
      [
        ["received", 4, "received"],
        ["adjusted", 8, "correction"],
      ],
      "A's ledger at the warehouse"
    )

    // A movements file: recorded as given.
    await page.getByTestId("import-open").click()
    await text.fill(
      `sku,location,quantity,reason_code,note\n${skus[1]},E2E Outlet,-2,damaged,"Crushed, in transit"\n`
    )
    await page.getByTestId("import-summary").getByText("1 movement will be recorded").waitFor({ timeout: TIMEOUT })
    await page.getByTestId("import-apply").click()
    await page.getByRole("button", { name: "Apply", exact: true }).click()
    await page.getByText("1 movements recorded").waitFor({ timeout: TIMEOUT })
    assert.equal(await levelOf(items[1].id, data.outlet.id), 3, "B at the outlet after the movement")
    const { stock_movements: bMovements } = await api.must(
      "GET",
      `/admin/stock-movements?inventory_item_id=${items[1].id}&location_id=${data.outlet.id}&order=created_at`
    )
    assert.deepEqual(
      bMovements.map((m) => [m.kind, m.quantity, m.reason_code, m.note]),
      [
        ["adjusted", 5, "correction", "On hand set to 5 (was 0)"],
        ["adjusted", -2, "damaged", "Crushed, in transit"],
      ],
      "B's ledger at the outlet"
    )
  })
}
