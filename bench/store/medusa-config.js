// The store the benchmark boots: Medusa's defaults plus this plugin, loaded
// from the repository's built output (`.medusa/server`) as a store loads it
// from npm. bench/run.js builds the plugin first; bench/lib/store.js sets
// DATABASE_URL, and STOCKROOM_BENCH_OPTIONS (JSON) for a group that needs
// other plugin options.
const path = require("path")
const { benchStoreConfig } = require("../lib/store-config")

module.exports = benchStoreConfig([
  { resolve: path.resolve(__dirname, "../.."), options: JSON.parse(process.env.STOCKROOM_BENCH_OPTIONS || "{}") },
])
