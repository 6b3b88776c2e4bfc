// `medusa exec ./seed-inventory-items.js <total>`: tops the store up to
// <total> inventory items through the inventory module, in batches. Run by
// bench/run.js between measurements. `medusa exec` runs in server mode, so
// the events these writes emit reach no subscriber: seeding propagates
// nothing, and the bench measures propagation only when it creates a location.
const { Modules } = require("@medusajs/framework/utils")

const BATCH = 1000

async function seedInventoryItems({ container, args }) {
  const total = Number(args[0])
  if (!Number.isInteger(total) || total < 0) {
    throw new Error(`expected a whole number of inventory items, got "${args[0]}"`)
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const [, existing] = await inventory.listAndCountInventoryItems({}, { take: 1 })
  for (let next = existing; next < total; next += BATCH) {
    const size = Math.min(BATCH, total - next)
    await inventory.createInventoryItems(
      Array.from({ length: size }, (_, i) => {
        const n = String(next + i + 1).padStart(6, "0")
        return { sku: `BENCH-${n}`, title: `Bench item ${n}` }
      })
    )
  }
}

// `medusa exec` runs the file's default export.
exports.default = seedInventoryItems
