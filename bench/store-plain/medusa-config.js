// The reference store of the inventory-unit and storefront benchmarks:
// bench/store's configuration without the plugin, so a checkout here is
// bare Medusa. bench/lib/store.js sets DATABASE_URL.
const { benchStoreConfig } = require("../lib/store-config")

module.exports = benchStoreConfig([])
