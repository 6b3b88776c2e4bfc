/**
 * A small JSON client for the store's HTTP API over one keep-alive agent,
 * so every request of the bench reuses warm connections (no TCP setup in
 * the timings).
 */
const http = require("http")

class AdminClient {
  constructor(baseUrl, { maxSockets = 32, headers = {} } = {}) {
    this.base = new URL(baseUrl)
    this.headers = headers
    this.agent = new http.Agent({ keepAlive: true, maxSockets })
    this.token = null
  }

  /**
   * Sends one request; resolves with {status, body, ms} whatever the status
   * (callers decide what a failure means), rejects only on network errors.
   */
  request(method, path, body) {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body))
    const headers = { accept: "application/json", ...this.headers }
    if (payload) {
      headers["content-type"] = "application/json"
      headers["content-length"] = payload.length
    }
    if (this.token) {
      headers.authorization = `Bearer ${this.token}`
    }
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint()
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method,
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks = []
          res.on("data", (chunk) => chunks.push(chunk))
          res.on("end", () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6
            const text = Buffer.concat(chunks).toString("utf8")
            let parsed = text
            try {
              parsed = text ? JSON.parse(text) : null
            } catch {
              // Not JSON: keep the text for the error message.
            }
            resolve({ status: res.statusCode, body: parsed, ms })
          })
          res.on("error", reject)
        }
      )
      req.on("error", reject)
      if (payload) {
        req.write(payload)
      }
      req.end()
    })
  }

  /** Like request(), but throws unless the status is 2xx; resolves with the body. */
  async ok(method, path, body) {
    const { status, body: result } = await this.request(method, path, body)
    if (status < 200 || status >= 300) {
      const detail = typeof result === "string" ? result : JSON.stringify(result)
      throw new Error(`${method} ${path} → ${status}: ${detail.slice(0, 500)}`)
    }
    return result
  }

  async login(email, password) {
    const { token } = await this.ok("POST", "/auth/user/emailpass", { email, password })
    this.token = token
  }

  close() {
    this.agent.destroy()
  }
}

module.exports = { AdminClient }
