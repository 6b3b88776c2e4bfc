/**
 * Child processes of the bench: each runs in its own process group, so
 * stopping the bench ends it and everything it spawned, with its output
 * appended to one log file outside the store folder.
 */
const { spawn } = require("child_process")
const fs = require("fs")

const running = new Set()

function start(command, args, { cwd, env, logFile }) {
  const out = fs.openSync(logFile, "a")
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
    detached: true,
  })
  fs.closeSync(out)
  running.add(child)
  child.exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve(code === null ? `signal ${signal}` : code))
    child.once("error", (err) => resolve(`error ${err.message}`))
  })
  child.exited.then(() => running.delete(child))
  return child
}

/** Runs a command to its end; throws (pointing at the log) unless it exits 0. */
async function run(title, command, args, options) {
  const result = await start(command, args, options).exited
  if (result !== 0) {
    throw new Error(`${title} failed (exit ${result}); see ${options.logFile}`)
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor(predicate, timeoutMs, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await predicate()) {
      return true
    }
    await sleep(intervalMs)
  }
  return false
}

/** SIGTERM to every child's process group, SIGKILL to what is left after a while. */
async function stopAll(graceMs = 10000) {
  const pids = [...running].map((child) => child.pid).filter(Boolean)
  for (const pid of pids) {
    signalGroup(pid, "SIGTERM")
  }
  const allGone = () => pids.every((pid) => !groupAlive(pid))
  if (!(await waitFor(allGone, graceMs))) {
    for (const pid of pids) {
      signalGroup(pid, "SIGKILL")
    }
    await waitFor(allGone, 5000)
  }
}

/**
 * CPU seconds (user + system) used so far by the processes of one process
 * group, from /proc; null when none is left.
 */
function groupCpuSeconds(pgid) {
  let total = null
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue
    }
    let stat
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
    } catch {
      continue
    }
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    if (Number(fields[2]) === pgid) {
      total = (total ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100
    }
  }
  return total
}

/**
 * Waits until a process group has been (nearly) idle for a whole window: the
 * store finishes subscriber work after its responses, and a measurement
 * must not start while the previous one's background work still runs.
 * Resolves with whether it settled before the timeout.
 */
async function settle(pgid, { windowMs = 1500, maxBusy = 0.05, timeoutMs = 120000 } = {}) {
  const deadline = Date.now() + timeoutMs
  let before = groupCpuSeconds(pgid)
  if (before === null) {
    return true
  }
  while (Date.now() < deadline) {
    await sleep(windowMs)
    const after = groupCpuSeconds(pgid)
    if (after === null || (after - before) / (windowMs / 1000) <= maxBusy) {
      return true
    }
    before = after
  }
  return false
}

module.exports = { start, run, stopAll, waitFor, sleep, settle, groupCpuSeconds }
