/**
 * One `npm run bench`: its knobs, its log lines, the folder for the store
 * log, the PostgreSQL it uses, and every store the groups make, so that
 * cleanUp() can stop them all and drop their databases, also on an error
 * or a signal.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { Client } = require("pg")
const { ensurePostgres } = require("../../scripts/lib/postgres")
const { ScaleStore } = require("../../scripts/lib/scale-store")
const { stopAll } = require("./processes")
const { BenchStore } = require("./store")

class BenchRun {
  /** @param {ReturnType<import("./config").readConfig>} config */
  constructor(config) {
    this.config = config
    this.startedAt = Date.now()
    this.runDir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-bench-"))
    this.logFile = path.join(this.runDir, "medusa.log")
    this.postgres = null
    this.stores = []
    this.scaleStores = []
    this.cleaning = null
    this.log = this.log.bind(this)
    this.adminQuery = this.adminQuery.bind(this)
  }

  get elapsedSeconds() {
    return Math.round((Date.now() - this.startedAt) / 1000)
  }

  log(message) {
    console.log(`[bench ${String(this.elapsedSeconds).padStart(3)} s] ${message}`)
  }

  async startPostgres() {
    this.postgres = await ensurePostgres({ signalHandlers: false, log: this.log })
  }

  /** Runs SQL in the `postgres` database (creating and dropping databases). */
  async adminQuery(sql) {
    const admin = new Client({ ...this.postgres.connection, database: "postgres" })
    await admin.connect()
    try {
      return await admin.query(sql)
    } finally {
      await admin.end().catch(() => {})
    }
  }

  /** A store on the database `stockroom_bench_<pid><suffix>`, closed by cleanUp(). */
  newStore(label, dir, suffix, env = {}) {
    const store = new BenchStore({
      label,
      dir,
      database: `stockroom_bench_${process.pid}${suffix}`,
      postgres: this.postgres,
      logFile: this.logFile,
      adminQuery: this.adminQuery,
      log: this.log,
      env,
    })
    this.stores.push(store)
    return store
  }

  /** A multi-process store (scripts/lib/scale-store.js), closed by cleanUp() until closeScaleStore(). */
  newScaleStore(options) {
    const store = new ScaleStore(options)
    this.scaleStores.push(store)
    return store
  }

  async closeScaleStore(store, { keepLogs }) {
    await store.close({ keepLogs })
    this.scaleStores.splice(this.scaleStores.indexOf(store), 1)
  }

  /** Stops every store and everything else this run started; drops the databases. */
  cleanUp() {
    if (!this.cleaning) {
      this.cleaning = (async () => {
        await Promise.all(this.stores.map((store) => store.stop().catch(() => {})))
        for (const store of this.scaleStores) {
          await store.close({ keepLogs: true }).catch(() => {})
        }
        await stopAll()
        for (const store of this.stores) {
          await store.close()
        }
        await this.postgres?.stop()
      })()
    }
    return this.cleaning
  }

  /** Removes the store log's folder: nothing failed. */
  removeLogs() {
    fs.rmSync(this.runDir, { recursive: true, force: true })
  }
}

module.exports = { BenchRun }
