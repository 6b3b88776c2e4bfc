// bench/store plus Medusa's local notification provider for `email` and
// `feed`, so back-in-stock notifications are really created and sent.
const path = require("path")
const { Modules } = require("@medusajs/framework/utils")
const { benchStoreConfig } = require("../lib/store-config")

const config = benchStoreConfig([
  { resolve: path.resolve(__dirname, "../.."), options: JSON.parse(process.env.STOCKROOM_BENCH_OPTIONS || "{}") },
])
config.modules = {
  ...(config.modules ?? {}),
  [Modules.NOTIFICATION]: {
    resolve: "@medusajs/medusa/notification",
    options: {
      providers: [
        { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email", "feed"] } },
      ],
    },
  },
}

module.exports = config
