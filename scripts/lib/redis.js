/**
 * Just enough of the Redis protocol for the test scripts: whether Redis
 * answers at REDIS_URL, and a few commands (claiming an empty database for
 * one run, counting a queue's jobs, flushing the database afterwards).
 * No dependency: the store's own Redis clients live in its processes.
 */
const net = require("net")

const DEFAULT_REDIS_URL = "redis://localhost:6379"

function redisUrl() {
  return process.env.REDIS_URL || DEFAULT_REDIS_URL
}

function parseUrl(url) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname || "localhost",
    port: Number(parsed.port || 6379),
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
    username: parsed.username ? decodeURIComponent(parsed.username) : null,
    db: Number(parsed.pathname.replace("/", "") || 0),
  }
}

/** `url` with its database index replaced. */
function withDatabase(url, db) {
  const parsed = new URL(url)
  parsed.pathname = `/${db}`
  return parsed.toString()
}

function encode(args) {
  return `*${args.length}\r\n${args
    .map((arg) => {
      const text = String(arg)
      return `$${Buffer.byteLength(text)}\r\n${text}\r\n`
    })
    .join("")}`
}

/** Parses one reply at `offset`; null when the buffer holds only part of it. */
function parseReply(buffer, offset = 0) {
  const lineEnd = buffer.indexOf("\r\n", offset)
  if (lineEnd < 0) {
    return null
  }
  const type = String.fromCharCode(buffer[offset])
  const line = buffer.toString("utf8", offset + 1, lineEnd)
  const next = lineEnd + 2
  switch (type) {
    case "+":
      return { value: line, next }
    case "-":
      return { value: new Error(line), next }
    case ":":
      return { value: Number(line), next }
    case "$": {
      const length = Number(line)
      if (length < 0) {
        return { value: null, next }
      }
      if (buffer.length < next + length + 2) {
        return null
      }
      return { value: buffer.toString("utf8", next, next + length), next: next + length + 2 }
    }
    case "*": {
      const count = Number(line)
      const values = []
      let position = next
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, position)
        if (!item) {
          return null
        }
        values.push(item.value)
        position = item.next
      }
      return { value: count < 0 ? null : values, next: position }
    }
    default:
      throw new Error(`unexpected Redis reply type "${type}"`)
  }
}

class RedisConnection {
  constructor(socket) {
    this.socket = socket
    this.buffer = Buffer.alloc(0)
    this.waiting = []
    socket.on("data", (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      for (;;) {
        const reply = this.waiting.length ? parseReply(this.buffer) : null
        if (!reply) {
          break
        }
        this.buffer = this.buffer.subarray(reply.next)
        const { resolve, reject } = this.waiting.shift()
        reply.value instanceof Error ? reject(reply.value) : resolve(reply.value)
      }
    })
    const failAll = (err) => {
      for (const { reject } of this.waiting.splice(0)) {
        reject(err)
      }
    }
    socket.on("error", failAll)
    socket.on("close", () => failAll(new Error("Redis connection closed")))
  }

  command(...args) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      this.socket.write(encode(args))
    })
  }

  close() {
    this.socket.end()
    this.socket.destroy()
  }
}

/** Connects (and authenticates and selects the URL's database). */
function connect(url = redisUrl(), { timeoutMs = 2000 } = {}) {
  const { host, port, password, username, db } = parseUrl(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no answer from Redis at ${host}:${port} within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.once("error", (err) => {
      clearTimeout(timer)
      reject(err)
    })
    socket.once("connect", async () => {
      clearTimeout(timer)
      const connection = new RedisConnection(socket)
      try {
        if (password) {
          await (username
            ? connection.command("AUTH", username, password)
            : connection.command("AUTH", password))
        }
        if (db) {
          await connection.command("SELECT", db)
        }
        resolve(connection)
      } catch (err) {
        connection.close()
        reject(err)
      }
    })
  })
}

/** Whether Redis answers PING at `url` (a quick check, never throws). */
async function redisAnswers(url = redisUrl(), timeoutMs = 1500) {
  let connection
  try {
    connection = await connect(url, { timeoutMs })
    return (await connection.command("PING")) === "PONG"
  } catch {
    return false
  } finally {
    connection?.close()
  }
}

module.exports = { connect, redisAnswers, redisUrl, withDatabase, parseUrl, DEFAULT_REDIS_URL }
