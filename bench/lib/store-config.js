/**
 * The configuration both bench stores share (bench/store and
 * bench/store-plain): Medusa's defaults on DATABASE_URL, the admin
 * disabled, open CORS; they differ only in `plugins`.
 */
const { defineConfig } = require("@medusajs/framework/utils")

function benchStoreConfig(plugins) {
  return defineConfig({
    projectConfig: {
      databaseUrl: process.env.DATABASE_URL,
      http: {
        jwtSecret: "stockroom-bench",
        cookieSecret: "stockroom-bench",
        storeCors: "*",
        adminCors: "*",
        authCors: "*",
      },
    },
    admin: { disable: true },
    plugins,
  })
}

module.exports = { benchStoreConfig }
