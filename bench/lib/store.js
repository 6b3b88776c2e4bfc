/**
 * One bench store: a throw-away database, migrated with `medusa db:migrate`
 * in a store folder (bench/store with the plugin, bench/store-plain
 * without), an admin user, `medusa start` on a free port, a logged-in admin
 * client and a database client. lib/bench-run.js keeps every store it makes
 * and calls close() on each when the run stops, also on errors and signals.
 */
const http = require("http")
const path = require("path")
const { Client } = require("pg")
const { databaseUrl, freePort } = require("../../scripts/lib/postgres")
const { AdminClient } = require("./admin-client")
const { start, run, waitFor, settle, sleep } = require("./processes")

const root = path.resolve(__dirname, "..", "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const STORE_DIR = path.join(__dirname, "..", "store")
const PLAIN_STORE_DIR = path.join(__dirname, "..", "store-plain")
const ADMIN = { email: "bench@stockroom.test", password: "stockroom-bench" }
const HEALTH_TIMEOUT_MS = 3 * 60 * 1000
const IDLE_WINDOW_MS = 1500

function healthy(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: "localhost", port, path: "/health", timeout: 2000 }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    request.on("timeout", () => request.destroy())
    request.on("error", () => resolve(false))
  })
}

class BenchStore {
  /**
   * @param {object} opts
   * @param {string} opts.label     for messages ("Stockroom", "plain Medusa")
   * @param {string} opts.dir       the store folder medusa runs in
   * @param {string} opts.database  database name (created here, dropped by close())
   * @param {object} opts.postgres  from ensurePostgres()
   * @param {string} opts.logFile
   * @param {(sql: string) => Promise<unknown>} opts.adminQuery  runs SQL in the `postgres` database
   * @param {Record<string, string>} [opts.env]  more environment for every medusa command
   */
  constructor({ label, dir, database, postgres, logFile, adminQuery, log, env = {} }) {
    Object.assign(this, { label, dir, database, postgres, logFile, adminQuery, log, extraEnv: env })
    this.url = databaseUrl(postgres.connection, database)
    this.created = false
    this.server = null
    this.serverExit = null
    this.client = null
    this.db = null
    this.port = null
  }

  get options() {
    return {
      cwd: this.dir,
      logFile: this.logFile,
      env: {
        DATABASE_URL: this.url,
        PORT: String(this.port ?? 9000),
        LOG_LEVEL: "error",
        MEDUSA_DISABLE_TELEMETRY: "true",
        NODE_ENV: "production",
        ...this.extraEnv,
      },
    }
  }

  /** Creates and migrates the database, and the admin user. */
  async prepare() {
    await this.adminQuery(`CREATE DATABASE "${this.database}"`)
    this.created = true
    this.log(`${this.label}: migrating database ${this.database} (medusa db:migrate)`)
    await run(`medusa db:migrate (${this.label})`, medusaBin, ["db:migrate"], this.options)
    await run(
      `medusa user (${this.label})`,
      medusaBin,
      ["user", "-e", ADMIN.email, "-p", ADMIN.password],
      this.options
    )
  }

  /** `medusa exec <script> ...args` in the store folder. */
  async exec(title, script, args = []) {
    await run(title, medusaBin, ["exec", script, ...args.map(String)], this.options)
  }

  /** `medusa start` on a free port; resolves once logged in and connected. */
  async start() {
    this.port = await freePort()
    this.log(`${this.label}: starting the store (medusa start) on port ${this.port}`)
    this.server = start(medusaBin, ["start"], this.options)
    this.server.exited.then((result) => (this.serverExit = result))
    const ready = await waitFor(
      async () => this.serverExit !== null || (await healthy(this.port)),
      HEALTH_TIMEOUT_MS,
      500
    )
    if (this.serverExit !== null || !ready) {
      throw new Error(
        this.serverExit !== null
          ? `medusa start (${this.label}) exited (${this.serverExit}) before answering /health; see ${this.logFile}`
          : `medusa start (${this.label}) did not answer /health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${this.logFile}`
      )
    }
    this.client = new AdminClient(`http://localhost:${this.port}`)
    await this.client.login(ADMIN.email, ADMIN.password)
    this.db = new Client({ connectionString: this.url })
    await this.db.connect()
  }

  /** A client for the store routes (no admin token, the publishable key). */
  storefront(publishableKey) {
    return new AdminClient(`http://localhost:${this.port}`, {
      headers: { "x-publishable-api-key": publishableKey },
    })
  }

  /**
   * Waits until the store's processes have been idle for a window; resolves
   * with roughly how long it stayed busy after `sinceNs` (seconds).
   */
  async quiet(what, sinceNs = process.hrtime.bigint()) {
    if (!this.server) {
      return 0
    }
    if (!(await settle(this.server.pid, { windowMs: IDLE_WINDOW_MS }))) {
      this.log(`warning: ${this.label} was still busy ${what} after 2 minutes; measuring anyway`)
    }
    return Math.max(0, Number(process.hrtime.bigint() - sinceNs) / 1e9 - IDLE_WINDOW_MS / 1000)
  }

  /** Stops the store's process group (SIGTERM, then SIGKILL). */
  async stop() {
    const server = this.server
    this.client?.close()
    this.client = null
    await this.db?.end().catch(() => {})
    this.db = null
    if (!server || this.serverExit !== null) {
      return
    }
    const signal = (name) => {
      try {
        process.kill(-server.pid, name)
      } catch {
        // Already gone.
      }
    }
    signal("SIGTERM")
    const deadline = Date.now() + 10000
    while (this.serverExit === null && Date.now() < deadline) {
      await sleep(100)
    }
    signal("SIGKILL")
  }

  /** Stops the store and drops its database. */
  async close() {
    await this.stop()
    if (this.created) {
      this.created = false
      try {
        await this.adminQuery(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`)
        this.log(`dropped database ${this.database}`)
      } catch (err) {
        console.error(`[bench] could not drop database ${this.database}: ${err.message}`)
      }
    }
  }
}

module.exports = { BenchStore, medusaBin, IDLE_WINDOW_MS, STORE_DIR, PLAIN_STORE_DIR }
