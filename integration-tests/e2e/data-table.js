/**
 * Driving the dashboard's DataTable (`@medusajs/ui`) from a spec: its
 * filters live behind a funnel menu and open as popovers, and its rows carry
 * no attributes of their own, so a row is found by the marker its first
 * cell holds (`tr:has([data-movement-id="…"])`).
 */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Sets a single-value filter to `option`: adds it from the filter menu, or
 * reopens its chip when it is already set, picks the option and closes the
 * popover.
 */
async function pickFilter(page, label, option) {
  const chip = page
    .locator("div.shadow-borders-base")
    .filter({ has: page.getByText(label, { exact: true }) })
  if (await chip.count()) {
    await chip.first().getByRole("button").first().click()
  } else {
    await page.getByTestId("filter-menu").getByRole("button").click()
    await page.getByRole("menuitem", { name: label, exact: true }).click()
  }
  await page
    .getByRole("dialog")
    .locator('[role="listitem"]', { hasText: new RegExp(`^${escapeRegExp(option)}$`) })
    .click()
  await page.keyboard.press("Escape")
}

module.exports = { pickFilter }
