#!/usr/bin/env node
/**
 * npm run demo: builds the plugin, prepares a PostgreSQL database, migrates
 * and seeds the demo store in demo/, then runs `medusa develop` there until
 * Ctrl-C or SIGTERM, which stop everything this script started.
 *
 * The terminal gets one line per stage; the commands' own output (npm, the
 * plugin build, migrations, the seed, Medusa's log) goes to .logs/demo.log,
 * and a failing stage prints its output in full.
 *
 * Environment: DATABASE_URL (use this database as it is), otherwise DB_HOST /
 * DB_PORT / DB_USERNAME / DB_PASSWORD (a PostgreSQL to create the
 * `stockroom_demo` database in, default localhost:5432; an embedded one with
 * its data in .demo/postgres when none answers); PORT (default 9000).
 */
const fs = require("fs")
const http = require("http")
const net = require("net")
const path = require("path")
const { ensureInstalled } = require("./lib/ensure-install")
const processGroup = require("./lib/process-group")
const { createStages } = require("./lib/stages")
// Needs `pg`, so it is loaded once the dependencies are installed.
let postgres = null

const root = path.resolve(__dirname, "..")
const demoDir = path.join(root, "demo")
// Everything the demo writes at runtime lives here, never in demo/, which
// `medusa develop` watches and restarts on.
const stateDir = path.join(root, ".demo")
const summaryFile = path.join(stateDir, "seed-summary.json")
const stages = createStages({ name: "demo", logFile: path.join(root, ".logs", "demo.log") })
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

const PACKAGE_NAME = "medusa-plugin-stockroom"
const DATABASE_NAME = "stockroom_demo"
// Same login as demo/src/scripts/seed.ts creates.
const ADMIN = { email: "admin@stockroom.demo", password: "stockroom" }
const port = Number(process.env.PORT || 9000)
const HEALTH_TIMEOUT_MS = 5 * 60 * 1000
const STOP_TIMEOUT_MS = 15 * 1000

const log = (message) => stages.say(message)

let database = null
let stopping = null

/**
 * Runs a command in its own process group (scripts/lib/process-group), so
 * stopping the demo can end it and everything it spawned; refuses once the
 * demo is stopping.
 */
function start(command, args, options = {}) {
  if (stopping) {
    throw new Error("stopping")
  }
  return processGroup.start(command, args, {
    cwd: options.cwd || root,
    env: options.env,
    logFile: options.logFile,
  })
}

/** One stage: its output goes to the log and is shown only when it fails. */
async function run(title, command, args, options = {}) {
  if (stopping) {
    throw new Error("stopping")
  }
  const ok = await stages.run(title, command, args, { cwd: options.cwd || root, env: options.env, progress: options.progress })
  if (stopping) {
    await stopping
  }
  if (!ok) {
    throw new Error(`${title} failed`)
  }
}

const { waitFor } = processGroup

function shutdown(reason, exitCode) {
  if (!stopping) {
    log(`${reason}: stopping…`)
    stopping = (async () => {
      await processGroup.stopAll(STOP_TIMEOUT_MS)
      if (database) {
        await database.stop()
      }
      log("stopped.")
      process.exit(exitCode)
    })()
  }
  return stopping
}

function portIsFree(candidate) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(candidate, () => server.close(() => resolve(true)))
  })
}

function healthy() {
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

/** DATABASE_URL given: create its database when the server lets us. */
async function prepareGivenDatabase(url) {
  const parsed = new URL(url)
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""))
  const connection = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  }
  try {
    if (await postgres.ensureDatabase(connection, name)) {
      log(`created database ${name}`)
    }
  } catch (err) {
    log(`could not check or create database ${name} (${err.message}); using it as it is`)
  }
  return url
}

async function prepareDatabase() {
  if (process.env.DATABASE_URL) {
    log("using DATABASE_URL")
    return prepareGivenDatabase(process.env.DATABASE_URL)
  }
  const requested = Number(process.env.DB_PORT || 5432)
  database = await postgres.ensurePostgres({
    dataDir: path.join(stateDir, "postgres"),
    // Only used when an embedded server is started: the port asked for when
    // nothing is on it, else any free one (the data dir does not care).
    port: (await portIsFree(requested)) ? requested : await postgres.freePort(),
    signalHandlers: false,
    log,
  })
  if (await postgres.ensureDatabase(database.connection, DATABASE_NAME)) {
    log(`created database ${DATABASE_NAME}`)
  }
  return postgres.databaseUrl(database.connection, DATABASE_NAME)
}

/**
 * Medusa loads a plugin's admin extensions by importing
 * `medusa-plugin-stockroom/admin` from the store's folder; this link makes
 * that name resolve to the repository, as an installed package would.
 */
function linkPluginPackage() {
  const modulesDir = path.join(demoDir, "node_modules")
  const link = path.join(modulesDir, PACKAGE_NAME)
  const target = path.relative(modulesDir, root)
  fs.mkdirSync(modulesDir, { recursive: true })
  let current = null
  try {
    current = fs.lstatSync(link)
  } catch {
    // Not there yet.
  }
  if (current && current.isSymbolicLink()) {
    if (fs.realpathSync(link) === fs.realpathSync(root)) {
      return
    }
    fs.unlinkSync(link)
  } else if (current) {
    throw new Error(
      `${link} exists and is not a link to this repository; remove it and run again`
    )
  }
  fs.symlinkSync(target, link, "dir")
}

function readSummary() {
  try {
    return JSON.parse(fs.readFileSync(summaryFile, "utf8"))
  } catch {
    return {}
  }
}

function printReady(url, summary) {
  const shownDatabase = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")
  const lines = [
    "Stockroom demo store is running",
    "",
    `  Admin:     http://localhost:${port}/app`,
    `  Email:     ${ADMIN.email}`,
    `  Password:  ${ADMIN.password}`,
    "",
    `  Store API: http://localhost:${port}/store`,
    `  Publishable API key (x-publishable-api-key header):`,
    `    ${summary.publishable_key || "see Settings → Publishable API Keys in the admin"}`,
    `  Database:  ${shownDatabase}`,
    `  Logs:      ${path.relative(process.cwd(), stages.logFile) || stages.logFile}`,
    "",
    "  Press Ctrl-C to stop.",
  ]
  const width = Math.max(...lines.map((line) => line.length)) + 2
  const rule = "═".repeat(width)
  console.log(`\n╔${rule}╗`)
  for (const line of lines) {
    console.log(`║ ${line.padEnd(width - 1)}║`)
  }
  console.log(`╚${rule}╝\n`)
}

async function main() {
  process.on("SIGINT", () => shutdown("SIGINT", 0))
  process.on("SIGTERM", () => shutdown("SIGTERM", 0))
  process.on("SIGHUP", () => shutdown("SIGHUP", 0))
  // npm runs this through `sh -c`, and a SIGTERM sent to npm ends that shell
  // without reaching us: being orphaned means we were asked to stop.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) {
      shutdown("parent process exited", 0)
    }
  }, 1000).unref()

  const startedAt = Date.now()
  if (!(await portIsFree(port))) {
    throw new Error(
      `port ${port} is already in use (another demo or Medusa?); stop it or set PORT`
    )
  }
  fs.mkdirSync(stateDir, { recursive: true })
  log(`output of every stage: ${path.relative(process.cwd(), stages.logFile) || stages.logFile}`)
  await ensureInstalled(root, "demo")
  postgres = require("./lib/postgres")

  await run("building the plugin (npm run build)", "npm", ["run", "build"])
  linkPluginPackage()

  const url = await prepareDatabase()
  const medusaEnv = {
    DATABASE_URL: url,
    PORT: String(port),
    MEDUSA_DISABLE_TELEMETRY: "true",
    STOCKROOM_DEMO_SUMMARY: summaryFile,
  }
  await run("migrating the database (medusa db:migrate)", medusaBin, ["db:migrate"], {
    cwd: demoDir,
    env: medusaEnv,
  })
  await run(
    "seeding what is missing (medusa exec ./src/scripts/seed.ts)",
    medusaBin,
    ["exec", "./src/scripts/seed.ts"],
    { cwd: demoDir, env: medusaEnv }
  )

  log(`starting Medusa (medusa develop) on port ${port}; its log: ${stages.logFile}`)
  const server = start(medusaBin, ["develop"], {
    cwd: demoDir,
    env: medusaEnv,
    logFile: stages.logFile,
  })
  let serverExit = null
  server.exited.then((result) => (serverExit = result))

  const ready = await waitFor(
    async () => serverExit !== null || (await healthy()),
    HEALTH_TIMEOUT_MS,
    1000
  )
  if (stopping) {
    return stopping
  }
  if (serverExit !== null || !ready) {
    throw new Error(
      serverExit !== null
        ? `medusa develop exited (${serverExit}) before answering /health`
        : `medusa develop did not answer /health within ${HEALTH_TIMEOUT_MS / 1000} s`
    )
  }
  printReady(url, readSummary())
  log(`ready in ${Math.round((Date.now() - startedAt) / 1000)} s`)

  const result = await server.exited
  if (!stopping) {
    shutdown(`medusa develop exited (${result})`, 1)
  }
}

main().catch((err) => {
  if (stopping) {
    return
  }
  stages.say(err.message)
  shutdown("error", 1)
})
