/**
 * The fixture store (integration-tests/fixtures/store-scale) run as a
 * multi-process deployment: `servers` processes in workerMode "server" (the
 * HTTP routes; a worker serves none) and one in workerMode "worker" (event
 * subscribers, scheduled jobs, workflow retries), sharing one PostgreSQL
 * database and one Redis database. Or one process in workerMode "shared",
 * for comparison. Used by the scale tests and `npm run bench -- --only=scale`.
 *
 * Per run: a database `medusa-stockroom-scale-<pid>[-suffix]`, migrated with
 * `medusa db:migrate` and given an admin user; an empty Redis database
 * (index 1–15) claimed for the run, with queue names carrying the run's
 * namespace; process logs in the OS temp folder (never inside the store
 * folder). close() stops every process group, drops the database and flushes
 * the Redis database.
 */
const fs = require("fs")
const http = require("http")
const os = require("os")
const path = require("path")
const { Client } = require("pg")
const { databaseUrl, ensurePostgres, freePort } = require("./postgres")
const { start, waitFor } = require("./process-group")
const redis = require("./redis")

const root = path.resolve(__dirname, "..", "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const FIXTURE_DIR = path.join(root, "integration-tests", "fixtures", "store-scale")
const ADMIN = { email: "admin@stockroom-scale.test", password: "stockroom-scale" }
const HEALTH_TIMEOUT_MS = 4 * 60 * 1000
const CLAIM_KEY = "stockroom-scale:claimed-by"

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// Process groups still running, killed if this process exits without
// close() (a test run interrupted with Ctrl-C): Medusa forks children that
// would otherwise keep their ports and the database.
const running = new Set()
process.once("exit", () => {
  for (const pid of running) {
    signalGroup(pid, "SIGKILL")
  }
})

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

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false
  }
}

function groupAlive(pid) {
  return signalGroup(pid, 0)
}

/**
 * Claims an empty Redis database for this run: SETNX of a claim key in the
 * first of 15..1 that holds no keys. Returns its index.
 */
async function claimRedisDatabase(baseUrl, owner) {
  for (let db = 15; db >= 1; db--) {
    const connection = await redis.connect(redis.withDatabase(baseUrl, db))
    try {
      if (Number(await connection.command("DBSIZE")) !== 0) {
        continue
      }
      if (Number(await connection.command("SETNX", CLAIM_KEY, owner)) === 1) {
        return db
      }
    } finally {
      connection.close()
    }
  }
  throw new Error(`no empty Redis database (1–15) at ${baseUrl} to run in`)
}

class ScaleStore {
  /**
   * @param {object} [opts]
   * @param {number} [opts.servers]  HTTP processes (workerMode "server"); 0 = one "shared" process
   * @param {object} [opts.options]  the plugin's options
   * @param {string} [opts.suffix]   appended to the database name
   * @param {(msg: string) => void} [opts.log]
   * @param {object} [opts.env]      extra environment for every process
   */
  constructor({ servers = 2, options = {}, suffix = "", log = () => {}, env = {} } = {}) {
    this.serverCount = servers
    this.options = options
    this.log = log
    this.extraEnv = env
    this.runId = `${process.pid}${suffix}`
    this.database = `medusa-stockroom-scale-${this.runId}`
    this.namespace = `stockroom-scale-${this.runId}`
    this.logDir = fs.mkdtempSync(path.join(os.tmpdir(), `stockroom-scale-${this.runId}-`))
    this.postgres = null
    this.databaseCreated = false
    this.redisBaseUrl = redis.redisUrl()
    this.redisDb = null
    this.processes = { servers: [], worker: null }
    this.db = null
  }

  get redisUrl() {
    return redis.withDatabase(this.redisBaseUrl, this.redisDb)
  }

  /** The processes' environment (MEDUSA_WORKER_MODE and PORT are added per process). */
  env(extra = {}) {
    return {
      DATABASE_URL: databaseUrl(this.postgres.connection, this.database),
      REDIS_URL: this.redisUrl,
      STOCKROOM_SCALE_NAMESPACE: this.namespace,
      STOCKROOM_TEST_OPTIONS: JSON.stringify(this.options),
      MEDUSA_DISABLE_TELEMETRY: "true",
      NODE_ENV: "production",
      // The tests count the worker's "Processing <event>" lines (info level).
      LOG_LEVEL: "info",
      ...this.extraEnv,
      ...extra,
    }
  }

  async adminQuery(sql) {
    const client = new Client({ ...this.postgres.connection, database: "postgres" })
    await client.connect()
    try {
      return await client.query(sql)
    } finally {
      await client.end().catch(() => {})
    }
  }

  async run(title, args, logName) {
    const child = start(medusaBin, args, {
      cwd: FIXTURE_DIR,
      env: this.env({ MEDUSA_WORKER_MODE: "server" }),
      logFile: path.join(this.logDir, logName),
    })
    const result = await child.exited
    if (result !== 0) {
      throw new Error(`${title} failed (exit ${result}); see ${path.join(this.logDir, logName)}`)
    }
  }

  /** A fresh database (migrated, with an admin user) and a Redis database of its own. */
  async prepare() {
    if (!(await redis.redisAnswers(this.redisBaseUrl))) {
      throw new Error(`Redis does not answer at ${this.redisBaseUrl} (set REDIS_URL)`)
    }
    this.postgres = await ensurePostgres({ signalHandlers: false, log: this.log })
    this.redisDb = await claimRedisDatabase(this.redisBaseUrl, this.namespace)
    this.log(`Redis database ${this.redisDb} at ${this.redisBaseUrl}; logs in ${this.logDir}`)
    await this.adminQuery(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`)
    await this.adminQuery(`CREATE DATABASE "${this.database}"`)
    this.databaseCreated = true
    this.log(`migrating ${this.database} (medusa db:migrate)`)
    await this.run("medusa db:migrate", ["db:migrate"], "migrate.log")
    await this.run(
      "medusa user",
      ["user", "-e", ADMIN.email, "-p", ADMIN.password],
      "migrate.log"
    )
    this.db = new Client({ connectionString: databaseUrl(this.postgres.connection, this.database) })
    await this.db.connect()
  }

  async startProcess(name, workerMode) {
    const port = await freePort()
    const logFile = path.join(this.logDir, `${name}.log`)
    fs.appendFileSync(logFile, `\n=== ${new Date().toISOString()} start ${name} (${workerMode}) on port ${port}\n`)
    const child = start(medusaBin, ["start", "--port", String(port)], {
      cwd: FIXTURE_DIR,
      env: this.env({ MEDUSA_WORKER_MODE: workerMode, PORT: String(port) }),
      logFile,
    })
    const entry = { name, workerMode, port, child, logFile, exit: null }
    running.add(child.pid)
    child.exited.then((result) => (entry.exit = result))
    return entry
  }

  async waitHealthy(entries) {
    const ready = await waitFor(
      async () =>
        (await Promise.all(entries.map(async (e) => e.exit === null && (await healthy(e.port))))).every(
          Boolean
        ) || entries.some((e) => e.exit !== null),
      HEALTH_TIMEOUT_MS,
      500
    )
    const failed = entries.find((e) => e.exit !== null)
    if (failed || !ready) {
      throw new Error(
        failed
          ? `medusa start (${failed.name}) exited (${failed.exit}) before answering /health; see ${failed.logFile}`
          : `the store did not answer /health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${this.logDir}`
      )
    }
  }

  /** Starts the servers and the worker (or one shared process) and waits for /health. */
  async start() {
    const entries = []
    if (this.serverCount === 0) {
      entries.push(await this.startProcess("shared", "shared"))
      this.processes = { servers: entries, worker: null }
    } else {
      for (let i = 1; i <= this.serverCount; i++) {
        entries.push(await this.startProcess(`server-${i}`, "server"))
      }
      this.processes = { servers: [...entries], worker: await this.startProcess("worker", "worker") }
      entries.push(this.processes.worker)
    }
    this.log(`starting ${entries.map((e) => `${e.name} :${e.port}`).join(", ")}`)
    await this.waitHealthy(entries)
    this.log("all processes answer /health")
  }

  /** Base URLs of the processes that serve the API. */
  get serverUrls() {
    return this.processes.servers.map((e) => `http://localhost:${e.port}`)
  }

  /** SIGKILLs the worker's whole process group: no shutdown, jobs cut off mid-way. */
  async killWorker() {
    const worker = this.processes.worker
    if (!worker) {
      throw new Error("this store runs no separate worker")
    }
    signalGroup(worker.child.pid, "SIGKILL")
    await waitFor(async () => !groupAlive(worker.child.pid), 10000, 100)
    running.delete(worker.child.pid)
    this.log(`killed the worker (process group ${worker.child.pid})`)
  }

  async restartWorker() {
    this.processes.worker = await this.startProcess("worker", "worker")
    await this.waitHealthy([this.processes.worker])
    this.log("worker restarted")
  }

  /** Jobs waiting, running or delayed in the event bus's queue. */
  async eventQueueCounts() {
    const connection = await redis.connect(this.redisUrl)
    try {
      const key = (part) => `RedisEventBusService:${this.namespace}-events:${part}`
      const [wait, active, prioritized, delayed, paused] = await Promise.all([
        connection.command("LLEN", key("wait")),
        connection.command("LLEN", key("active")),
        connection.command("ZCARD", key("prioritized")),
        connection.command("ZCARD", key("delayed")),
        connection.command("LLEN", key("paused")),
      ])
      return { wait, active, prioritized, delayed, paused }
    } finally {
      connection.close()
    }
  }

  /**
   * Waits until the worker has handled every queued event (the queue is
   * empty on several polls in a row). Resolves with whether it got there.
   */
  async drained(timeoutMs = 120000, { quietPolls = 3 } = {}) {
    let quiet = 0
    return await waitFor(
      async () => {
        const counts = await this.eventQueueCounts()
        quiet = Object.values(counts).every((n) => Number(n) === 0) ? quiet + 1 : 0
        return quiet >= quietPolls
      },
      timeoutMs,
      300
    )
  }

  /** How many lines of the worker's log (all its runs) contain `text`. */
  countWorkerLog(text) {
    try {
      return fs
        .readFileSync(path.join(this.logDir, "worker.log"), "utf8")
        .split("\n")
        .filter((line) => line.includes(text)).length
    } catch {
      return 0
    }
  }

  /** Graceful stop (SIGTERM, then SIGKILL) of every process group this store started. */
  async stop() {
    const entries = [...this.processes.servers, this.processes.worker].filter(Boolean)
    const pids = entries.map((e) => e.child.pid)
    pids.forEach((pid) => signalGroup(pid, "SIGTERM"))
    if (!(await waitFor(async () => pids.every((pid) => !groupAlive(pid)), 15000, 200))) {
      pids.forEach((pid) => signalGroup(pid, "SIGKILL"))
      await waitFor(async () => pids.every((pid) => !groupAlive(pid)), 5000, 100)
    }
    pids.forEach((pid) => running.delete(pid))
    this.processes = { servers: [], worker: null }
  }

  /**
   * Stops the processes and starts them again, with new plugin options or
   * another number of servers (0: one "shared" process) if given.
   */
  async restart({ options, servers } = {}) {
    await this.stop()
    if (options) {
      this.options = options
    }
    if (servers !== undefined) {
      this.serverCount = servers
    }
    await this.start()
  }

  /** Stops everything, drops the database, flushes the Redis database. */
  async close({ keepLogs = false } = {}) {
    await this.stop().catch(() => {})
    await this.db?.end().catch(() => {})
    this.db = null
    if (this.databaseCreated) {
      this.databaseCreated = false
      try {
        await this.adminQuery(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`)
      } catch (err) {
        this.log(`could not drop database ${this.database}: ${err.message}`)
      }
    }
    if (this.redisDb !== null) {
      const connection = await redis.connect(this.redisUrl).catch(() => null)
      if (connection) {
        await connection.command("FLUSHDB").catch(() => {})
        connection.close()
      }
      this.redisDb = null
    }
    await this.postgres?.stop()
    if (!keepLogs) {
      fs.rmSync(this.logDir, { recursive: true, force: true })
    }
  }
}

module.exports = { ScaleStore, ADMIN, FIXTURE_DIR, sleep }
