// The reference store of the inventory-unit benchmarks: bench/store's
// configuration without the plugin, so a checkout here is bare Medusa.
// bench/lib/store.js sets DATABASE_URL.
const { defineConfig } = require("@medusajs/framework/utils")

module.exports = defineConfig({
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
  plugins: [],
})
