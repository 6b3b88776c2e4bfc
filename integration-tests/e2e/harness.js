/**
 * A small runner for browser specs: each test gets a fresh page in a logged
 * in context, a failure is screenshotted and reported, and the run goes on.
 * Specs are plain node modules (`*.e2e.js`), outside jest's test projects.
 */
const fs = require("fs")
const path = require("path")
const assert = require("assert/strict")

class Skip extends Error {}

function createHarness({ screenshotsDir, log = console.log }) {
  const tests = []
  const results = []
  fs.mkdirSync(screenshotsDir, { recursive: true })

  const test = (name, fn) => tests.push({ name, fn })

  /** The page as seen, or one element of it (the dashboard scrolls inside its layout). */
  const screenshot = async (page, name, locator) => {
    const file = path.join(screenshotsDir, `${name}.png`)
    if (locator) {
      await locator.scrollIntoViewIfNeeded()
      await locator.screenshot({ path: file })
    } else {
      await page.screenshot({ path: file })
    }
    return file
  }

  async function run(newPage, ctx) {
    for (const { name, fn } of tests) {
      const startedAt = Date.now()
      let page = null
      try {
        page = await newPage()
        await fn({ ...ctx, page, screenshot: (shot, locator) => screenshot(page, shot, locator), skip })
        results.push({ name, status: "passed" })
        log(`  ✔ ${name} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`)
      } catch (err) {
        if (err instanceof Skip) {
          results.push({ name, status: "skipped" })
          log(`  – ${name}: skipped: ${err.message}`)
        } else {
          results.push({ name, status: "failed", error: err })
          log(`  ✖ ${name}\n    ${String(err.stack || err).split("\n").slice(0, 6).join("\n    ")}`)
          if (page) {
            const slug = name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()
            const file = await screenshot(page, `failed-${slug}`).catch(() => null)
            if (file) {
              log(`    screenshot: ${file}`)
            }
          }
        }
      } finally {
        if (page) {
          await page.close().catch(() => {})
        }
      }
    }
    return results
  }

  function skip(reason) {
    throw new Skip(reason)
  }

  return { test, run, results }
}

module.exports = { createHarness, assert }
