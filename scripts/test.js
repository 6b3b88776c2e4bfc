#!/usr/bin/env node
/**
 * npm test: builds the plugin, type-checks, then runs the unit, module,
 * workflow and HTTP test layers against a real PostgreSQL (an embedded one when none
 * answers at DB_HOST/DB_PORT), then the multi-process tests
 * (integration-tests/scale: servers + a worker sharing PostgreSQL and Redis)
 * when Redis answers at REDIS_URL (default redis://localhost:6379), then the
 * admin's browser tests (scripts/e2e.js). Exits non-zero on any failure.
 *
 * The terminal gets one line per stage and one per test file; every
 * command's own output (Medusa's log included) goes to .logs/test.log, and a
 * failing stage prints its output in full.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { ensureInstalled } = require("./lib/ensure-install")
const { redisAnswers, redisUrl } = require("./lib/redis")
const { createStages } = require("./lib/stages")

const root = path.resolve(__dirname, "..")
const stages = createStages({ name: "test", logFile: path.join(root, ".logs", "test.log") })

/** Drops a database the run created (quietly: it may not exist). */
async function dropDatabase(connection, name) {
  const { Client } = require("pg")
  const client = new Client({ ...connection, database: "postgres" })
  try {
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } catch {
    // nothing to clean, or the server is already gone
  } finally {
    await client.end().catch(() => {})
  }
}
const bin = (name) => path.join(root, "node_modules", ".bin", name)

// Asynchronous on purpose (stages.run spawns): an embedded PostgreSQL logs
// through a pipe this process must keep draining. A blocking spawnSync stops
// the event loop, the pipe fills, and the server hangs mid-checkpoint.
function run(title, command, args, extraEnv = {}, progress = null) {
  return stages.run(title, command, args, { cwd: root, env: extraEnv, progress })
}

// jest's default reporter names each test file as it finishes.
const jestProgress = (line) => (/^(PASS|FAIL)\s/.test(line) ? line : null)
// scripts/e2e.js prints one line per browser test.
const e2eProgress = (line) => (/^[✔✖–] /.test(line) ? line : null)

function summarise(resultFile) {
  try {
    return JSON.parse(fs.readFileSync(resultFile, "utf8"))
  } catch {
    return null
  }
}

function addSummaries(a, b) {
  if (!a || !b) {
    return a ?? b
  }
  return {
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    skipped: a.skipped + b.skipped,
  }
}

async function main() {
  const jestArgs = process.argv.slice(2)
  stages.say(`output of every stage: ${path.relative(process.cwd(), stages.logFile)}`)
  await ensureInstalled(root, "test")
  const { ensurePostgres } = require("./lib/postgres")
  const db = await ensurePostgres({ log: stages.say })
  // Medusa's test runners read these; make them explicit for both the
  // server that answered and an embedded one.
  process.env.DB_HOST = db.connection.host
  process.env.DB_PORT = String(db.connection.port)
  process.env.DB_USERNAME = db.connection.user
  process.env.DB_PASSWORD = db.connection.password
  let ok = false
  let summary = null
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), "stockroom-jest-"))
  const resultFile = path.join(resultsDir, "results.json")
  const scaleResultFile = path.join(resultsDir, "scale-results.json")
  // The module tests' database; Medusa's module test runner leaves it behind.
  const moduleDb = `medusa-stockroom-module-${process.pid}`
  const jestEnv = (summaryFile) => ({
    STOCKROOM_MODULE_DB: moduleDb,
    NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=8192",
    LOG_LEVEL: process.env.LOG_LEVEL || "error",
    STOCKROOM_JEST_SUMMARY: summaryFile,
  })
  const jestReporters = [
    "--runInBand",
    "--forceExit",
    "--reporters=default",
    "--reporters=./scripts/lib/jest-summary-reporter.js",
  ]
  // The multi-process project runs on its own, after the others.
  const projects = jestArgs.some((arg) => arg.startsWith("--selectProjects"))
    ? []
    : ["--selectProjects", "unit", "modules", "workflows", "http"]
  try {
    ok =
      // npm run build: medusa plugin:build, then the client's type declarations.
      (await run("Build the plugin (npm run build)", "npm", ["run", "build"])) &&
      (await run("Type-check", bin("tsc"), ["-p", "tsconfig.typecheck.json"])) &&
      (await run(
        "Unit, module, workflow and HTTP tests",
        bin("jest"),
        [...jestReporters, ...projects, ...jestArgs],
        jestEnv(resultFile),
        jestProgress
      ))
    summary = summarise(resultFile)
    // Several processes sharing PostgreSQL and Redis; skipped when jest was
    // given a selection or no Redis answers.
    if (ok && !jestArgs.length) {
      if (await redisAnswers(redisUrl())) {
        ok = await run(
          "Multi-process tests: two servers and a worker on Redis (integration-tests/scale)",
          bin("jest"),
          [...jestReporters, "--selectProjects", "scale"],
          jestEnv(scaleResultFile),
          jestProgress
        )
        summary = addSummaries(summary, summarise(scaleResultFile))
      } else {
        stages.say(
          `↷ Multi-process tests (integration-tests/scale) skipped: no Redis answers at ${redisUrl()} (set REDIS_URL)`
        )
      }
    }
    // The admin in a real browser; skipped when jest was given a selection.
    if (ok && !jestArgs.length) {
      ok = await run(
        "Admin extensions in a browser (scripts/e2e.js)",
        process.execPath,
        [path.join(root, "scripts", "e2e.js")],
        { E2E_SKIP_BUILD: "1" },
        e2eProgress
      )
    }
  } finally {
    await dropDatabase(db.connection, moduleDb)
    await db.stop()
  }
  if (summary) {
    stages.say(
      `tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`
    )
  }
  process.exit(ok ? 0 : 1)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
