// `medusa exec ./seed-inventory-items.js <total>`: tops the store up to
// <total> inventory items through the inventory module, in batches. Run by
// bench/groups/ledger.js between measurements.
//
// `medusa exec` loads the plugin's subscribers too, and the module's
// `inventory-item.created` events would make this process propagate the new
// items to existing locations, until process.exit() cut that off halfway.
// The events are held in an event group that is never released instead:
// seeding propagates nothing, and the bench times propagation only when it
// creates a location.
const { Modules } = require("@medusajs/framework/utils")

const BATCH = 1000
const EVENT_GROUP = "stockroom-bench-seed"

async function seedInventoryItems({ container, args }) {
  const total = Number(args[0])
  if (!Number.isInteger(total) || total < 0) {
    throw new Error(`expected a whole number of inventory items, got "${args[0]}"`)
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const [, existing] = await inventory.listAndCountInventoryItems({}, { take: 1 })
  for (let next = existing; next < total; next += BATCH) {
    const size = Math.min(BATCH, total - next)
    await inventory.createInventoryItems(
      Array.from({ length: size }, (_, i) => {
        const n = String(next + i + 1).padStart(6, "0")
        return { sku: `BENCH-${n}`, title: `Bench item ${n}` }
      }),
      { eventGroupId: EVENT_GROUP }
    )
  }
  await eventBus.clearGroupedEvents(EVENT_GROUP)
}

// `medusa exec` runs the file's default export.
exports.default = seedInventoryItems
