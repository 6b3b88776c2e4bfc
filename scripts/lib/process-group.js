/**
 * Children in their own process groups, so stopping one ends everything it
 * spawned (Medusa forks workers, the admin build runs esbuild); output goes to
 * a log file the caller chooses.
 */
const { spawn } = require("child_process")
const fs = require("fs")

const children = new Set()

function start(command, args, { cwd, env, logFile } = {}) {
  const out = logFile ? fs.openSync(logFile, "a") : "inherit"
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
    detached: true,
  })
  if (typeof out === "number") {
    fs.closeSync(out)
  }
  children.add(child)
  child.exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve(code === null ? `signal ${signal}` : code))
    child.once("error", (err) => resolve(`error ${err.message}`))
  })
  child.exited.then(() => children.delete(child))
  return child
}

async function run(title, command, args, options) {
  const result = await start(command, args, options).exited
  if (result !== 0) {
    throw new Error(`${title} failed (exit ${result})`)
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

async function waitFor(predicate, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await predicate()) {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  return false
}

/** SIGTERM to every group still running, SIGKILL to what is left after a while. */
async function stopAll(graceMs = 10000) {
  const pids = [...children].map((child) => child.pid).filter(Boolean)
  pids.forEach((pid) => signalGroup(pid, "SIGTERM"))
  const gone = () => pids.every((pid) => !groupAlive(pid))
  if (!(await waitFor(gone, graceMs))) {
    pids.forEach((pid) => signalGroup(pid, "SIGKILL"))
    await waitFor(gone, 5000)
  }
}

module.exports = { start, run, stopAll, waitFor }
