/**
 * Child processes of the bench (started through scripts/lib/process-group:
 * each in its own process group, output appended to a log file outside the
 * store folder), plus what the bench needs on top: CPU accounting per group
 * and waiting for the store to go idle.
 */
const fs = require("fs")
const { start, stopAll, waitFor } = require("../../scripts/lib/process-group")

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs a command to its end; throws (pointing at the log) unless it exits 0. */
async function run(title, command, args, options) {
  const result = await start(command, args, options).exited
  if (result !== 0) {
    throw new Error(`${title} failed (exit ${result}); see ${options.logFile}`)
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
 * Resident memory (bytes) of the processes of one process group, added up,
 * from /proc; null when none is left.
 */
function groupRssBytes(pgid) {
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
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    if (Number(fields[2]) === pgid) {
      // Field 24 of stat: resident set size in pages.
      total = (total ?? 0) + Number(fields[21]) * 4096
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

module.exports = { start, run, stopAll, waitFor, sleep, settle, groupCpuSeconds, groupRssBytes }
