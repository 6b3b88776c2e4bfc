#!/usr/bin/env node
// HTTP probes for smoke-install.sh (Node's fetch, so no curl/jq needed).
//   node http.js free-port [PREFERRED]                 print PREFERRED if free, else a free port
//   node http.js wait-health BASE TIMEOUT_S PID        wait for GET BASE/health = 200 while PID lives
//   node http.js expect-status URL STATUS              one GET, exit 0 when the status matches
//   node http.js check-admin BASE EMAIL PASSWORD VERSION OPTIONS_JSON
//        log in as an admin user and check GET /admin/stockroom returns the
//        expected version and options (OPTIONS_JSON: key/values that must match)
"use strict"
const net = require("net")

function fail(message) {
  console.error(message)
  process.exit(1)
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once("error", () => resolve(false))
    srv.listen(port, "0.0.0.0", () => srv.close(() => resolve(true)))
  })
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once("error", reject)
    srv.listen(0, "0.0.0.0", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function get(url, headers = {}) {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(15000) })
  const text = await res.text()
  let body
  try {
    body = JSON.parse(text)
  } catch {
    body = text
  }
  return { status: res.status, body }
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2)
  switch (cmd) {
    case "free-port": {
      const preferred = Number(args[0])
      if (preferred && (await portIsFree(preferred))) {
        console.log(preferred)
      } else {
        console.log(await anyFreePort())
      }
      return
    }
    case "wait-health": {
      const [base, timeoutS, pid] = args
      const deadline = Date.now() + Number(timeoutS) * 1000
      while (Date.now() < deadline) {
        if (pid && !alive(Number(pid))) {
          fail("the server process exited before /health answered")
        }
        try {
          const res = await fetch(`${base}/health`, {
            signal: AbortSignal.timeout(3000),
          })
          if (res.status === 200) {
            return
          }
        } catch {
          // not listening yet
        }
        await sleep(1000)
      }
      fail(`GET ${base}/health did not return 200 within ${timeoutS}s`)
      return
    }
    case "expect-status": {
      const [url, expected] = args
      const { status, body } = await get(url)
      if (status !== Number(expected)) {
        fail(
          `GET ${url}: expected ${expected}, got ${status} ${JSON.stringify(body).slice(0, 300)}`
        )
      }
      return
    }
    case "check-admin": {
      const [base, email, password, version, optionsJson] = args
      const login = await fetch(`${base}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
        signal: AbortSignal.timeout(15000),
      })
      const loginBody = await login.json().catch(() => ({}))
      if (login.status !== 200 || typeof loginBody.token !== "string") {
        fail(
          `POST /auth/user/emailpass: expected 200 with a token, got ${login.status} ${JSON.stringify(loginBody).slice(0, 300)}`
        )
      }
      const { status, body } = await get(`${base}/admin/stockroom`, {
        authorization: `Bearer ${loginBody.token}`,
      })
      if (status !== 200) {
        fail(`GET /admin/stockroom with a token: expected 200, got ${status} ${JSON.stringify(body).slice(0, 300)}`)
      }
      const problems = []
      if (!body || typeof body.options !== "object" || body.options === null) {
        problems.push("no `options` object")
      } else {
        const expected = JSON.parse(optionsJson)
        for (const [key, value] of Object.entries(expected)) {
          if (JSON.stringify(body.options[key]) !== JSON.stringify(value)) {
            problems.push(
              `options.${key} is ${JSON.stringify(body.options[key])}, expected ${JSON.stringify(value)}`
            )
          }
        }
        if ("database" in body.options) {
          problems.push("options leak the `database` key")
        }
      }
      if (body?.version !== version) {
        problems.push(`version is ${JSON.stringify(body?.version)}, expected ${JSON.stringify(version)}`)
      }
      if (problems.length) {
        fail(`GET /admin/stockroom: ${problems.join("; ")}\n  body: ${JSON.stringify(body)}`)
      }
      console.log(JSON.stringify(body))
      return
    }
    default:
      fail(`unknown command ${cmd}`)
  }
}

main().catch((err) => fail(`http.js ${process.argv[2]}: ${err.message}`))
