#!/usr/bin/env node
/**
 * npm run test:e2e: the admin extensions in a real browser.
 *
 * Builds the plugin, makes a throw-away store in tmp/e2e-<pid>/ that loads it
 * (its own database `stockroom_e2e_<pid>`, its own free port), migrates it,
 * builds its admin (`medusa build --admin-only`; `medusa start` serves only a
 * built admin), starts it, seeds it through the admin API and runs
 * integration-tests/e2e/*.e2e.js in headless Chromium (playwright-core).
 * Screenshots go to e2e-screenshots/; the store's log to the OS temp folder.
 * The store's process tree, its database and its folder are removed on
 * success, failure or Ctrl-C.
 *
 * Environment: DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD (a PostgreSQL,
 * default localhost:5432; an embedded one when none answers), CHROMIUM_PATH
 * (default /usr/bin/chromium), E2E_KEEP=1 to keep the store folder and log,
 * E2E_SKIP_BUILD=1 to use the plugin build already in .medusa/server,
 * E2E_ONLY=orders,purchase-orders to run only the spec files whose names
 * contain one of those words, E2E_RBAC=0 to run the store with Medusa's role-
 * based access control off (on by default: the admin is a super admin, and
 * access.e2e.js signs in as a read-only user).
 */
const fs = require("fs")
const http = require("http")
const os = require("os")
const path = require("path")
const { Client } = require("pg")
const { ensureDatabase, ensurePostgres, databaseUrl, freePort } = require("./lib/postgres")
const { run, start, stopAll, waitFor } = require("./lib/process-group")
const { writeStore } = require("./lib/e2e-store")

const root = path.resolve(__dirname, "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const specsDir = path.join(root, "integration-tests", "e2e")
const screenshotsDir = path.join(root, "e2e-screenshots")
const storeDir = path.join(root, "tmp", `e2e-${process.pid}`)
const logFile = path.join(os.tmpdir(), `stockroom-e2e-${process.pid}.log`)
const databaseName = `stockroom_e2e_${process.pid}`
const ADMIN = { email: "admin@stockroom-e2e.test", password: "stockroom-e2e" }
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const startedAt = Date.now()
const log = (message) =>
  console.log(`[e2e ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)}s] ${message}`)

let database = null
let databaseCreated = false
let browser = null
let cleaning = null

async function dropDatabase() {
  if (!database || !databaseCreated) {
    return
  }
  const client = new Client({ ...database.connection, database: "postgres" })
  try {
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
    log(`dropped database ${databaseName}`)
  } catch (err) {
    log(`could not drop database ${databaseName}: ${err.message}`)
  } finally {
    await client.end().catch(() => {})
  }
}

function cleanup() {
  if (!cleaning) {
    cleaning = (async () => {
      if (browser) {
        await browser.close().catch(() => {})
      }
      await stopAll()
      await dropDatabase()
      if (database) {
        await database.stop()
      }
      if (!process.env.E2E_KEEP) {
        fs.rmSync(storeDir, { recursive: true, force: true })
      }
    })()
  }
  return cleaning
}

function onSignal(signal) {
  log(`${signal}: stopping the store and dropping its database…`)
  cleanup().finally(() => process.exit(130))
}

function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get(
      { host: "localhost", port, path: "/health", timeout: 2000 },
      (response) => {
        response.resume()
        resolve(response.statusCode === 200)
      }
    )
    request.on("timeout", () => request.destroy())
    request.on("error", () => resolve(false))
  })
}

function tailLog(lines = 40) {
  try {
    const text = fs.readFileSync(logFile, "utf8").trimEnd().split("\n")
    return text.slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

async function main() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => onSignal(signal))
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}; set CHROMIUM_PATH`)
  }
  log(`store log: ${logFile}`)
  // Only this run's screenshots, so a stale failure shot can't mislead.
  fs.rmSync(screenshotsDir, { recursive: true, force: true })

  if (process.env.E2E_SKIP_BUILD) {
    log("using the plugin build in .medusa/server (E2E_SKIP_BUILD)")
  } else {
    log("building the plugin (npm run build)")
    await run("npm run build", "npm", ["run", "build"], { cwd: root, logFile })
  }

  database = await ensurePostgres({ signalHandlers: false, log })
  await ensureDatabase(database.connection, databaseName)
  databaseCreated = true
  const port = await freePort()
  const baseUrl = writeStore(root, storeDir, { port, rbac: process.env.E2E_RBAC !== "0" })
  const env = {
    DATABASE_URL: databaseUrl(database.connection, databaseName),
    PORT: String(port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "warn",
  }
  const inStore = { cwd: storeDir, env, logFile }

  log(`migrating ${databaseName} and building the admin, side by side`)
  const adminDir = path.join(storeDir, "public", "admin")
  await Promise.all([
    (async () => {
      await run("medusa db:migrate", medusaBin, ["db:migrate"], inStore)
      await run(
        "medusa user",
        medusaBin,
        ["user", "-e", ADMIN.email, "-p", ADMIN.password],
        inStore
      )
    })(),
    (async () => {
      await run("medusa build --admin-only", medusaBin, ["build", "--admin-only"], inStore)
      fs.mkdirSync(path.dirname(adminDir), { recursive: true })
      fs.renameSync(path.join(storeDir, ".medusa", "admin"), adminDir)
    })(),
  ])

  log(`starting the store (medusa start) on port ${port}`)
  const server = start(medusaBin, ["start"], {
    ...inStore,
    env: { ...env, NODE_ENV: "production" },
  })
  let serverExit = null
  server.exited.then((result) => (serverExit = result))
  // A first start on a busy machine can take minutes.
  const up = await waitFor(async () => serverExit !== null || (await healthy(port)), 600000, 1000)
  if (serverExit !== null || !up) {
    throw new Error(`the store did not come up (${serverExit ?? "timeout"})`)
  }

  log("seeding through the admin API")
  const { seed } = require(path.join(specsDir, "seed.js"))
  const data = await seed(baseUrl, ADMIN)

  log("launching Chromium")
  const { chromium } = require("playwright-core")
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox"],
  })
  const storageState = await logIn(browser, baseUrl)

  const { createHarness } = require(path.join(specsDir, "harness.js"))
  const harness = createHarness({ screenshotsDir, log: (line) => console.log(line) })
  const specFiles = fs
    .readdirSync(specsDir)
    .filter((file) => file.endsWith(".e2e.js"))
    .filter((file) => {
      const only = (process.env.E2E_ONLY || "").split(",").filter(Boolean)
      return only.length === 0 || only.some((word) => file.includes(word))
    })
    .sort()
  for (const file of specFiles) {
    require(path.join(specsDir, file))(harness.test)
  }
  const contexts = []
  const newPage = async () => {
    const context = await browser.newContext({
      storageState,
      viewport: { width: 1440, height: 1200 },
      acceptDownloads: true,
    })
    contexts.push(context)
    context.setDefaultTimeout(60000)
    return context.newPage()
  }
  log(`running ${specFiles.join(", ")}`)
  const results = await harness.run(newPage, { baseUrl, admin: ADMIN, data, api: data.api })
  const count = (status) => results.filter((result) => result.status === status).length
  log(`${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`)
  log(`screenshots in ${path.relative(root, screenshotsDir)}/`)
  return count("failed") === 0 && results.length > 0
}

/** Logs in through the real login form once; each test reuses the session. */
async function logIn(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } })
  const page = await context.newPage()
  page.setDefaultTimeout(120000)
  const problems = []
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`))
  page.on("console", (message) => {
    if (message.type() === "error") {
      problems.push(`console: ${message.text()}`)
    }
  })
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`)
    }
  })
  try {
    return await logInWith(page, context, baseUrl)
  } catch (err) {
    fs.mkdirSync(screenshotsDir, { recursive: true })
    await page.screenshot({ path: path.join(screenshotsDir, "failed-login.png") }).catch(() => {})
    throw new Error(
      `logging in at ${baseUrl}/app failed: ${err.message}\n${problems.slice(-10).join("\n")}`
    )
  }
}

async function logInWith(page, context, baseUrl) {
  // The first load of the built dashboard can be slow on a busy machine.
  await page.goto(`${baseUrl}/app/login`)
  await page.locator('input[name="email"]').fill(ADMIN.email)
  await page.locator('input[name="password"]').fill(ADMIN.password)
  await page.getByRole("button", { name: "Continue" }).click()
  await page.waitForURL((url) => !url.pathname.includes("/login"))
  // Stockroom's pages are nested under Inventory, shown once it is open.
  await page.goto(`${baseUrl}/app/inventory`)
  await page.getByRole("link", { name: "Stock movements" }).waitFor()
  fs.mkdirSync(screenshotsDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotsDir, "sidebar.png") })
  log("  ✔ logged in at /app; the Stockroom pages are in the sidebar under Inventory")
  const state = await context.storageState()
  await context.close()
  return state
}

main()
  .then(async (ok) => {
    await cleanup()
    if (!ok) {
      log(`store log (last lines of ${logFile}):\n${tailLog()}`)
    } else if (!process.env.E2E_KEEP) {
      fs.rmSync(logFile, { force: true })
    }
    process.exit(ok ? 0 : 1)
  })
  .catch(async (err) => {
    if (cleaning) {
      // Stopped by a signal: the steps under way fail, that is expected.
      return
    }
    console.error(`[e2e] ${err.stack || err.message}`)
    console.error(`[e2e] store log (last lines of ${logFile}):\n${tailLog()}`)
    await cleanup()
    process.exit(1)
  })
