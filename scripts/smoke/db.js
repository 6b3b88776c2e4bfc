#!/usr/bin/env node
// Database chores for smoke-install.sh, done with the repo's own `pg` so the
// script needs no psql client on the machine.
//   node db.js url NAME          print a connection URL for database NAME (for the store)
//   node db.js ping              exit 0 when the server answers
//   node db.js create NAME       create database NAME (fails if it exists)
//   node db.js drop NAME         drop database NAME, closing its connections
//   node db.js has-table NAME T  exit 0 when table T exists in NAME's public schema
"use strict"
const { Client } = require("pg")

const host = process.env.DB_HOST || "localhost"
const port = Number(process.env.DB_PORT || 5432)
const user = process.env.DB_USERNAME || "postgres"
const password = process.env.DB_PASSWORD || ""

function url(database) {
  const auth = password
    ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}`
    : encodeURIComponent(user)
  // Medusa turns SSL on for any host but localhost/127.0.0.1; a plain server
  // elsewhere (a CI service container, say) needs it off unless DB_SSL=true.
  const local = /^(localhost|127\.0\.0\.1|::1)$/.test(host)
  const query = local || process.env.DB_SSL === "true" ? "" : "?sslmode=disable"
  return `postgres://${auth}@${host}:${port}/${encodeURIComponent(database)}${query}`
}

function ident(name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`refusing unusual database name ${JSON.stringify(name)}`)
  }
  return `"${name}"`
}

async function withClient(database, fn) {
  const client = new Client({
    host,
    port,
    user,
    password: password || undefined,
    database,
    connectionTimeoutMillis: 5000,
  })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function main() {
  const [cmd, name, table] = process.argv.slice(2)
  switch (cmd) {
    case "url":
      process.stdout.write(url(name) + "\n")
      return
    case "ping":
      await withClient("postgres", (c) => c.query("select 1"))
      return
    case "create":
      await withClient("postgres", (c) => c.query(`CREATE DATABASE ${ident(name)}`))
      return
    case "drop":
      await withClient("postgres", async (c) => {
        await c.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [name]
        )
        await c.query(`DROP DATABASE IF EXISTS ${ident(name)}`)
      })
      return
    case "has-table": {
      const found = await withClient(name, (c) =>
        c.query(
          "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1",
          [table]
        )
      )
      process.exit(found.rowCount === 1 ? 0 : 1)
    }
    default:
      throw new Error(`unknown command ${cmd}`)
  }
}

main().catch((err) => {
  console.error(`db.js ${process.argv[2]}: ${err.message}`)
  process.exit(2)
})
