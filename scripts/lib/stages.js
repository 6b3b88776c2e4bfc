/**
 * Quiet stages for `npm run demo` and `npm test`: one line per stage on the
 * terminal, every command's own output in a log file the caller names, and
 * that output printed in full only when its stage fails.
 *
 * On a terminal a running stage shows a live line (elapsed time and the last
 * thing the command said); elsewhere (CI) it prints the stage once when it
 * starts and a "still running" line every minute. Lines a stage marks as
 * progress (a test file passing, say) are echoed as they come.
 *
 * Node built-ins only: `npm test` and `npm run demo` use it before the
 * dependencies are installed.
 */
const { spawn } = require("child_process")
const fs = require("fs")
const path = require("path")

const interactive = Boolean(process.stdout.isTTY) && !process.env.CI
const seconds = (ms) => `${Math.round(ms / 1000)} s`
// Colour codes and carriage-return redraws make a log unreadable.
const plain = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "\n")

/**
 * @param {object} opts
 * @param {string} opts.name    prefix of every line, e.g. "demo"
 * @param {string} opts.logFile where the commands' output goes
 */
function createStages({ name, logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const prefix = `[${name}]`
  let liveLine = false

  const clearLive = () => {
    if (liveLine) {
      process.stdout.write("\r\x1b[2K")
      liveLine = false
    }
  }
  const say = (message) => {
    clearLive()
    console.log(`${prefix} ${message}`)
  }
  const live = (message) => {
    const width = (process.stdout.columns || 100) - 1
    process.stdout.write(`\r\x1b[2K${`${prefix} ${message}`.slice(0, width)}`)
    liveLine = true
  }

  /**
   * Runs one command as a stage.
   * @param {string} title
   * @param {string} command
   * @param {string[]} args
   * @param {object} [opts]
   * @param {string} [opts.cwd]
   * @param {object} [opts.env]       added to process.env
   * @param {(line: string) => string | null} [opts.progress]
   *   maps an output line to a progress line to echo (or null)
   * @returns {Promise<boolean>} whether the command exited 0
   */
  function run(title, command, args, opts = {}) {
    const startedAt = Date.now()
    const out = fs.openSync(logFile, "a")
    fs.writeSync(out, `\n===== ${new Date().toISOString()} ${title}\n$ ${command} ${args.join(" ")}\n`)
    const captured = []
    let last = ""
    let pending = ""
    if (!interactive) {
      say(`${title} …`)
    }
    let ticks = 0
    const ticker = setInterval(() => {
      ticks += 1
      const elapsed = Date.now() - startedAt
      if (interactive) {
        live(`${title} … ${seconds(elapsed)}${last ? `  ${last}` : ""}`)
      } else if (ticks % 60 === 0) {
        say(`  still running (${seconds(elapsed)})`)
      }
    }, 1000)

    const onData = (chunk) => {
      const text = plain(chunk.toString())
      fs.writeSync(out, text)
      captured.push(text)
      const lines = (pending + text).split("\n")
      pending = lines.pop()
      for (const line of lines) {
        const trimmed = line.trim()
        if (trimmed) {
          last = trimmed.slice(0, 80)
        }
        const echoed = opts.progress && trimmed ? opts.progress(trimmed) : null
        if (echoed) {
          say(`  ${echoed}`)
        }
      }
    }

    return new Promise((resolve) => {
      const child = spawn(command, args, {
        cwd: opts.cwd,
        env: { ...process.env, ...opts.env },
        stdio: ["ignore", "pipe", "pipe"],
      })
      child.stdout.on("data", onData)
      child.stderr.on("data", onData)
      const finish = (ok, detail) => {
        clearInterval(ticker)
        fs.closeSync(out)
        if (ok) {
          say(`✔ ${title} (${seconds(Date.now() - startedAt)})`)
        } else {
          clearLive()
          process.stderr.write(captured.join(""))
          say(`✖ ${title} failed (${detail}); its output is above and in ${logFile}`)
        }
        resolve(ok)
      }
      child.on("error", (err) => finish(false, err.message))
      child.on("close", (code, signal) =>
        finish(code === 0, code === null ? `signal ${signal}` : `exit ${code}`)
      )
    })
  }

  return { run, say, logFile }
}

module.exports = { createStages }
